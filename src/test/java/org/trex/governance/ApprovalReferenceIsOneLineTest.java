package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A new approval's reference is one line: listings, audit lines and the signed statement name the approval by it. */
class ApprovalReferenceIsOneLineTest {
    private static final ApprovalSubject SUBJECT = new ApprovalSubject("discharge-delays", 1, "service-evaluation",
            "Dr Requester, Research Unit", "ab".repeat(32));

    @Test
    void aReferenceWithALineBreakIsRefused() {
        assertThatThrownBy(() -> ApprovalStatement.of(SUBJECT, "IGB\n7", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot use reference for extract discharge-delays: it holds a line break or another"
                        + " control character; give one line, such as IGB-2026-014");
    }

    @Test
    void aReferenceOfOneLineIsTakenStripped() {
        assertThat(ApprovalStatement.of(SUBJECT, " IGB-7 ", Optional.empty(), Optional.empty()).reference())
                .isEqualTo("IGB-7");
    }
}
