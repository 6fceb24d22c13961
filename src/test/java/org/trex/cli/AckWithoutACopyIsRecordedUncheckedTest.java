package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;

/**
 * {@code trex objections ack} without {@code --copy} still records the notice done, as before, but says plainly, in
 * its line, the audit entry, the notice's files and {@code objections status}, that it was on the operator's word,
 * unchecked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AckWithoutACopyIsRecordedUncheckedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNCHECKED = "on the operator's word, unchecked";

    private ReleaseWithANotice release;

    @BeforeAll
    void release(@TempDir Path root) throws Exception {
        release = ReleaseWithANotice.create(root);
    }

    @Test
    void anAckWithoutACopySaysItWasUnchecked() throws Exception {
        Result ack = release.ack();
        Result status = release.status();

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.OK);
        assertThat(ack.out()).contains("DONE DN-000001 (discharge-delays run ", ") by TRE operator at ", ", "
                + UNCHECKED + " (give --copy DIR for each copy of the extract to have TREx check it)\n")
                .doesNotContain("CHECKED");
        assertThat(status.out()).contains("DONE     DN-000001", " by TRE operator, " + UNCHECKED);
        List<String> entries = release.ackEntries();
        assertThat(entries).hasSize(1);
        JsonNode details = JSON.readTree(entries.get(0));
        assertThat(details.path("checked").asText()).isEqualTo("unchecked: recorded on the operator's word");
        assertThat(details.path("copies").isArray()).isTrue();
        assertThat(details.path("copies")).isEmpty();
        JsonNode notice = JSON.readTree(release.notices().resolve("DN-000001.json").toFile());
        assertThat(notice.path("doneEvidence").asText()).isEqualTo(UNCHECKED);
        assertThat(notice.path("checkedCopies")).isEmpty();
        assertThat(Files.readString(release.notices().resolve("DN-000001.md"))).contains(" by TRE operator, "
                + UNCHECKED + " |");
    }
}
