package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * {@code trex plan} of a scheduled spec (the shipped one runs at 06:00 on the 1st of each month) looks up the allow
 * list its next scheduled run would use and warns when that list will be older than the policy allows (92 days),
 * though it is current on the plan's date; a spec without a schedule is warned of for the plan's date alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanWarnsOfAListStaleByTheScheduledRunTest {
    static final LocalDate LIST = LocalDate.of(2025, 6, 5);
    /** The list's warnings; the spec's follow-up, 180 days after 2025-03-31, is warned of apart until 2025-09-27. */
    private static final String[] LIST_WARNINGS = {"WARNING: the next scheduled run", "WARNING: a run as of"};
    static final String STALE_BY_OCTOBER = "WARNING: the next scheduled run (schedule 0 6 1 * *), as of 2025-10-01, "
            + "will be refused: the national data opt-out list will be stale: allow list of 2025-06-05, "
            + "118 days old on "
            + "2025-10-01 (policy service-evaluation allows up to 92 days); load a newer allow list (trex optouts "
            + "request, then trex optouts load)";

    @TempDir
    Path root;

    DatabaseUrl url;

    @BeforeAll
    void source() throws Exception {
        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            fixture.spell("9434765919", LocalDate.of(2025, 1, 5), LocalDate.of(2025, 1, 15), null);
            fixture.allowList(LIST, 1, List.of("9434765919"));
        }
    }

    private Result plan(String name, LocalDate asOf, boolean scheduled, String format) throws Exception {
        Workspace workspace = Workspace.create(root.resolve(name + "-" + format), url);
        if (!scheduled) {
            String spec = Files.readString(workspace.spec);
            assertThat(spec).contains("schedule: \"0 6 1 * *\"");
            Files.writeString(workspace.spec, spec.replaceAll("(?m)^schedule:.*$", ""));
        }
        Result result = Workspace.trex("plan", workspace.spec.toString(), "--as-of", asOf.toString(), "--format",
                format, "--database-url", url.jdbcUrl(), "--governance-url", url.jdbcUrl());
        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.OK);
        return result;
    }

    @Test
    void aListCurrentTodayButStaleByTheNextScheduledRunIsWarnedOf() throws Exception {
        Result text = plan("stale-by-run", LocalDate.of(2025, 9, 2), true, "text");

        assertThat(text.out()).contains("National data opt-out: allow list of 2025-06-05, 89 days old on 2025-09-02",
                "At the next scheduled run: allow list of 2025-06-05, 118 days old on 2025-10-01 (policy "
                        + "service-evaluation allows up to 92 days)", STALE_BY_OCTOBER)
                .doesNotContain("WARNING: a run as of");
    }

    @Test
    void theJsonPlanShowsTheNextScheduledRunAndItsWarning() throws Exception {
        JsonNode counts = new ObjectMapper().readTree(plan("stale-by-run", LocalDate.of(2025, 9, 2), true, "json")
                .out()).get("counts");

        assertThat(counts.get("nationalList").asText()).isEqualTo("current");
        JsonNode next = counts.get("nextScheduledRun");
        assertThat(next.get("asOf").asText()).isEqualTo("2025-10-01");
        assertThat(next.get("nationalList").asText()).isEqualTo("stale");
        assertThat(next.get("nationalListDate").asText()).isEqualTo("2025-06-05");
        assertThat(next.get("nationalListAgeDays").asLong()).isEqualTo(118);
        assertThat(counts.get("warnings")).hasSize(1);
        assertThat("WARNING: " + counts.get("warnings").get(0).asText()).isEqualTo(STALE_BY_OCTOBER);
    }

    @Test
    void aRunScheduledOnThePlansOwnDateIsTheNextOne() throws Exception {
        Result text = plan("run-today", LocalDate.of(2025, 9, 1), true, "text");

        assertThat(text.out())
                .contains("At the next scheduled run: allow list of 2025-06-05, 88 days old on 2025-09-01")
                .doesNotContain(LIST_WARNINGS);
    }

    @Test
    void aListCurrentAtTheNextScheduledRunIsNotWarnedOf() throws Exception {
        Result text = plan("current", LocalDate.of(2025, 8, 15), true, "text");

        assertThat(text.out())
                .contains("At the next scheduled run: allow list of 2025-06-05, 88 days old on 2025-09-01")
                .doesNotContain(LIST_WARNINGS);
    }

    @Test
    void anUnscheduledSpecIsWarnedOfForThePlansDateAlone() throws Exception {
        Result current = plan("unscheduled", LocalDate.of(2025, 9, 2), false, "text");
        assertThat(current.out()).doesNotContain("At the next scheduled run").doesNotContain(LIST_WARNINGS);

        Result stale = plan("unscheduled-stale", LocalDate.of(2025, 9, 6), false, "text");
        assertThat(stale.out()).doesNotContain("At the next scheduled run").contains("WARNING: a run as of 2025-09-06 "
                + "will be refused: the national data opt-out list will be stale: allow list of 2025-06-05, "
                + "93 days old");
    }
}
