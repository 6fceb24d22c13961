package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trex.generate.SyntheticData;
import org.trex.plan.ExtractPlan;
import org.trex.plan.OutputPlan;
import org.trex.plan.Planner;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.LoadedSpec;
import org.trex.testing.TestDatabase;

/** Every shipped spec plans on generated data: its SQL runs, and the plan shows live, suppressed counts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedSpecsPlanOnRealDataTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;
    private DatabaseUrl url;

    @BeforeAll
    void generate() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 3_000, 7);
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

    @ParameterizedTest
    @ValueSource(strings = {"extracts/discharge-delays.yaml", "extracts/reablement-ascof-2d.yaml",
            "extracts/care-after-discharge.yaml"})
    void planShowsCountsAndEveryOutputQueryRuns(String spec) throws Exception {
        int code = Trex.execute("plan", spec, "--database-url", url.jdbcUrl(), "--format", "json", "--as-of",
                "2026-06-30");

        assertThat(code).isEqualTo(ExitCode.OK);
        JsonNode plan = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(plan.path("planHash").asText()).hasSize(64);
        assertThat(plan.path("counts").path("events").asText()).matches("\\d+|<=7");
        assertThat(plan.path("counts").path("nationalList").asText()).isEqualTo("current");
        assertThat(plan.path("outputs").size()).isGreaterThanOrEqualTo(2);
        // The shipped policy applies no Type 1 opt-out (no GP-sourced data): the plan lists only what applies.
        assertThat(plan.path("counts").path("leftOut").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "missing_nhs_number", "invalid_nhs_number", "local_objection", "national_data_opt_out_or_unchecked");

        ExtractPlan planned = new Planner(SourceCatalog.standard())
                .plan(LoadedSpec.load(java.nio.file.Path.of(spec), SourceCatalog.standard()),
                        org.trex.spec.BoardFiles.forSpec(java.nio.file.Path.of(spec)), LocalDate.of(2026, 6, 30));
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            for (OutputPlan output : planned.outputs()) {
                try (ResultSet rows = statement.executeQuery("select count(*) from (" + output.sql() + ") q")) {
                    rows.next();
                    assertThat(rows.getLong(1)).as(output.name()).isPositive();
                }
            }
        }
    }
}
