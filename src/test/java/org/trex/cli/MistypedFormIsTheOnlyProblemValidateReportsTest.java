package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.SpecCopies;

/** A group column whose form cannot be read is the one problem: the totals over it are not refused as well. */
class MistypedFormIsTheOnlyProblemValidateReportsTest {
    private static final String GROUP_COLUMN =
            "group_by:\n      - {name: delay_band, source: discharge_delay_days, form: delay_band}";
    private static final String LAST_MEASURE =
            "{name: with_social_care_at_admission, count: records, where: social_care_at_admission}\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @TempDir
    Path dir;

    @BeforeAll
    static void createTempRoot() throws IOException {
        // Surefire points java.io.tmpdir at target/tmp, which a clean build has not created yet.
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @BeforeEach
    void captureOut() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOut() {
        System.setOut(original);
    }

    @Test
    void aMistypedFormOfAGroupColumnWithTotalsIsReportedAlone() throws IOException {
        Path spec = SpecCopies.write(dir, "spec.yaml", Files.readString(Path.of("extracts/discharge-delays.yaml"))
                .replace(GROUP_COLUMN, GROUP_COLUMN.replace("form: delay_band", "form: agregate"))
                .replace(LAST_MEASURE, LAST_MEASURE + "    totals: [delay_band, age_band]\n"));

        int code = Trex.execute("validate", spec.toString(), "policies/service-evaluation.yaml");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "OK policies/service-evaluation.yaml",
                spec + ":60:64: Cannot read form 'agregate': it is not a field form, expected one of [pseudonym,"
                        + " as_is, year_of_birth, age_band, postcode_district, month, days_from_index, delay_band]");
    }

    @Test
    void totalsOverAColumnThatIsNotGroupedAreStillRefused() throws IOException {
        Path spec = SpecCopies.write(dir, "spec.yaml", Files.readString(Path.of("extracts/discharge-delays.yaml"))
                .replace(LAST_MEASURE, LAST_MEASURE + "    totals: [sex]\n"));

        int code = Trex.execute("validate", spec.toString(), "policies/service-evaluation.yaml");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "OK policies/service-evaluation.yaml",
                spec + ":66:13: Cannot total output delays_by_band over sex: it is not a group_by column,"
                        + " expected one of [delay_band, age_band]");
    }
}
