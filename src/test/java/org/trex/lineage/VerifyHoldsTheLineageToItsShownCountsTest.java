package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code trex verify} checks what the lineage publishes as published: every count must be one the disclosure rules it
 * states (trex_policy.shownCounts) could show, so an exact count where they would round or suppress it fails the
 * extract; rows in - left out = rows out holds within the rounding of what is shown (the run checked it exactly
 * before publishing), against a record output's exact rows out; an aggregate gives no rows out.
 */
class VerifyHoldsTheLineageToItsShownCountsTest {
    private static final String RULES = "(counts at or below 7 suppressed (zeros disclosive), the rest rounded to the"
            + " nearest 5)";

    @TempDir
    Path dir;

    @BeforeEach
    void writeExtract() throws Exception {
        SampleExtract.write(dir);
    }

    @Test
    void theCountsAsShownVerify() throws Exception {
        assertThat(Files.readString(dir.resolve(LineageLog.PATH))).contains(
                "\"rowsIn\":44010,\"rowsLeftOut\":2135,\"rowsOut\":41877", "\"rowsIn\":15,\"rowsLeftOut\":null}");

        assertThat(ExtractVerifier.verify(dir)).isEmpty();
    }

    /**
     * A count suppressed beside a small one it would give back (the rows in of a records output whose file shows its
     * rows out) is null as a small count is, and may be any count: the reconciliation holds with it.
     */
    @Test
    void aSuppressedCountStandsForAnyCount() throws Exception {
        edit("\"rowsIn\":44010", "\"rowsIn\":null");

        assertThat(ExtractVerifier.verify(dir)).isEmpty();
    }

    /** What is published amiss: the lineage's text before and after, and the problem verify finds. */
    static Stream<Arguments> publishedAmiss() {
        return Stream.of(
                Arguments.of("an exact count the rules would round", "\"rowsIn\":44010", "\"rowsIn\":44012",
                        "Cannot verify lineage/openlineage.ndjson line 2: rows in of output spells is 44012, which the"
                                + " rules " + RULES + " never show"),
                Arguments.of("a small count the rules would suppress", "\"type1_opt_out\",\"rows\":null",
                        "\"type1_opt_out\",\"rows\":5", "Cannot verify lineage/openlineage.ndjson line 2: rows left"
                                + " out as type1_opt_out is 5, which the rules " + RULES + " never show"),
                Arguments.of("an exact count of values suppressed", "\"valuesSuppressed\":null",
                        "\"valuesSuppressed\":3", "Cannot verify lineage/openlineage.ndjson line 2: values"
                                + " suppressed in readmissions-2025/" + SampleLineage.RUN_ID + "/data/spells is 3,"
                                + " which the rules " + RULES + " never show"),
                Arguments.of("people who cannot be counted", "\"peopleCountable\":false,\"people\":null}",
                        "\"peopleCountable\":false,\"people\":40}", "Cannot verify lineage/openlineage.ndjson line 2:"
                                + " people left out as missing_nhs_number is 40, but its records cannot be counted as"
                                + " people"),
                Arguments.of("an aggregate's counted rows", "\"rowsIn\":15,\"rowsLeftOut\":null}",
                        "\"rowsIn\":15,\"rowsLeftOut\":null,\"rowsOut\":12}", "Cannot verify output"
                                + " readmissions_by_month: lineage says 12 rows out of an aggregate, whose counted rows"
                                + " only its cells may show"),
                Arguments.of("rows out the shown counts cannot give", "\"rowsOut\":41877", "\"rowsOut\":41860",
                        "Cannot verify output spells: 44010 rows in - 2135 left out is from 41871 to 41879 " + RULES
                                + ", lineage says 41860 rows out"),
                Arguments.of("no rules stated", ",\"shownCounts\":{\"suppressedAtOrBelow\":7,\"roundTo\":5,"
                        + "\"zeros\":\"disclosive\"}", "", "Cannot verify lineage/openlineage.ndjson line 2: Cannot"
                                + " read the rules its counts were shown by: trex_policy has no shownCounts with"
                                + " suppressedAtOrBelow, roundTo and zeros"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedAmiss")
    void whatIsPublishedAmissFails(String what, String from, String to, String problem) throws Exception {
        edit(from, to);

        assertThat(ExtractVerifier.verify(dir)).contains(problem);
    }

    /** Edits the lineage log and makes the manifest agree, so what is left to find is in the lineage alone. */
    private void edit(String from, String to) throws Exception {
        Path log = dir.resolve(LineageLog.PATH);
        String before = Files.readString(log);
        assertThat(before).contains(from);
        Files.writeString(log, before.replace(from, to));
        SampleExtract.rewriteManifestEntry(dir, LineageLog.PATH);
    }
}
