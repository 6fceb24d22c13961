package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An approval's reference and conditions go into the append-only audit log and the extract's approval statement, so
 * what looks like a person's NHS number or postcode in them is refused, without repeating it.
 */
class ApprovalWordsNameNoPersonTest {
    private static final ApprovalSubject SUBJECT = new ApprovalSubject("discharge-delays", 1, "service-evaluation",
            "Dr Requester, Research Unit", "ab".repeat(32));

    @Test
    void anNhsNumberInTheReferenceIsRefused() {
        assertThatThrownBy(() -> ApprovalStatement.of(SUBJECT, "IGB 9990000018", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot use reference for extract discharge-delays: it holds what looks like an NHS number,"
                        + " which the audit log and the extract would keep; name no person");
    }

    @Test
    void aPostcodeInTheConditionsIsRefused() {
        assertThatThrownBy(() -> ApprovalStatement.of(SUBJECT, "IGB-7", Optional.empty(),
                Optional.of("exclude LE3 1DD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot use conditions for extract discharge-delays: it holds what looks like a postcode,"
                        + " which the audit log and the extract would keep; name no person");
    }
}
