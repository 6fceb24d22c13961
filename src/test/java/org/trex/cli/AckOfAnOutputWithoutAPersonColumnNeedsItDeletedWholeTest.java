package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;

/**
 * A release of discharge-delays whose spells leave the person out: the aggregates over the same read counted its
 * people, so the register knows whom the spells hold, and the notice to an objector asks for the whole output, which
 * no check could search for their rows; {@code ack --copy} refuses a copy that still holds it and accepts one without.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AckOfAnOutputWithoutAPersonColumnNeedsItDeletedWholeTest {
    private static final String PERSON = "      - {name: person, source: nhs_number, form: pseudonym}\n";

    private ReleaseWithANotice release;

    @BeforeAll
    void release(@TempDir Path root) throws Exception {
        // The first person field is the spells output's: the social care events keep theirs.
        release = ReleaseWithANotice.create(root, spec -> spec.replaceFirst(Pattern.quote(PERSON), ""));
    }

    @Test
    void theNoticeAsksForTheWholeOutput() throws Exception {
        JsonNode notice = new ObjectMapper().readTree(release.notices().resolve("DN-000001.json").toFile());

        assertThat(Files.readString(release.extract().resolve("data/spells.csv"))).doesNotStartWith("person,");
        assertThat(notice.get("delete")).hasSize(1);
        assertThat(notice.get("delete").get(0).get("output").asText()).isEqualTo("spells");
        assertThat(notice.get("delete").get(0).get("wholeOutput").asBoolean()).isTrue();
        assertThat(notice.has("peopleUnknown")).isFalse();
        assertThat(Files.readString(release.notices().resolve("DN-000001.md"))).contains("## Delete the whole of"
                + " `spells`\n\nIt holds 1 row(s) of these people, but no pseudonym of an NHS number to find them by:"
                + " delete the output (`data/spells.csv` and `.parquet`) from every copy;");
    }

    @Test
    void aCopyIsAcceptedOnlyWithoutTheOutput() throws Exception {
        Path copy = release.copy("cleaned");

        Result refused = release.ack(copy.toString());
        release.assertStillOpen();
        Files.delete(copy.resolve("data/spells.csv"));
        Files.delete(copy.resolve("data/spells.parquet"));
        Result done = release.ack(copy.toString());

        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.FAILURE);
        // The copy's folder is not asserted: the scrubber takes a temporary folder's long number for an NHS number.
        assertThat(refused.err()).startsWith("trex: Cannot acknowledge DN-000001: copy ").contains("/tre/cleaned still"
                + " holds data/spells.csv and data/spells.parquet, whose 1 row of people the notice names no check can"
                + " find, as spells has no person column: delete the whole output\n");
        assertThat(done.code()).as(done.all()).isEqualTo(ExitCode.OK);
        assertThat(done.out()).contains("CHECKED " + copy + ": spells deleted whole; no row of anyone DN-000001"
                + " names\n");
        assertThat(release.ackEntries()).singleElement().asString().contains("\"deletedWhole\": [\"spells\"]");
    }
}
