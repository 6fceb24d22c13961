package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.governance.DeletionNotice;
import org.trex.governance.NoticeStatus;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleasedOutput;
import org.trex.testing.TestingNotices;

/**
 * {@code objections status} and {@code verify} list each notice on one line: one to a release with a records output
 * that has no person column says its rows there are beyond any notice, as the notice's own files do.
 */
class NoticeLineNamesOutputsWithoutAPersonColumnTest {
    private static final ReleasedOutput EVENTS = new ReleasedOutput("social_care_events", ReleaseOutputKind.RECORDS,
            Optional.of("person"), 300, List.of());

    @Test
    void theOutputIsNamedOnTheNoticesLine() {
        String line = ObjectionsCommand.line(notice(List.of(new ReleasedOutput("spells", ReleaseOutputKind.RECORDS,
                Optional.empty(), 900, List.of()), EVENTS)), NoticeStatus.OPEN);

        assertThat(line).isEqualTo("OPEN     DN-000005 discharge-delays run a36cb31b-0000-4000-8000-000000000005: 1"
                + " people, due 2026-08-05; rows no notice can name in [spells] (no person column)");
    }

    @Test
    void aReleaseWhoseRecordsAllHoldAPersonColumnSaysNothingOfIt() {
        assertThat(ObjectionsCommand.line(notice(List.of(EVENTS)), NoticeStatus.OPEN))
                .doesNotContain("no notice can name");
    }

    private static DeletionNotice notice(List<ReleasedOutput> outputs) {
        return TestingNotices.open("DN-000005", "discharge-delays", "a36cb31b-0000-4000-8000-000000000005", outputs,
                EVENTS, "ef".repeat(32));
    }
}
