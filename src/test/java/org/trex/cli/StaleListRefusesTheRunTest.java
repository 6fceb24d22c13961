package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.SourceFixture;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A run whose national data opt-out allow list is older than the policy allows, or missing, is refused before any
 * row is read: a non-zero exit, a message naming the list's date, its age and the limit, and nothing written; a
 * scheduled run leaves its period due and exits 5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaleListRefusesTheRunTest {
    /** 184 days after the synthetic list of 2026-06-01; the shipped policy allows 92. */
    static final LocalDate LATE = LocalDate.of(2026, 12, 2);
    static final String STALE =
            "trex: Cannot run as of 2026-12-02: the national data opt-out list is stale: allow list "
            + "of 2026-06-01, 184 days old on 2026-12-02 (policy service-evaluation allows up to 92 days); send a "
            + "request (trex optouts request) to NHS England's Check for National Data Opt-outs service and load its "
            + "answer (trex optouts load)";

    @TempDir
    Path root;

    DatabaseUrl generated;

    @BeforeAll
    void generate() {
        generated = TestDatabase.fresh();
        SyntheticData.generate(generated, 1000, 29);
    }

    private static List<String> run(Workspace workspace, LocalDate asOf, String... first) {
        List<String> args = new java.util.ArrayList<>(List.of(first));
        args.addAll(List.of("--as-of", asOf.toString(), "--out", workspace.out.toString(), "--master", "local[2]",
                "--partitions", "2", "--key-file", workspace.key.toString(), "--database-url",
                workspace.url.jdbcUrl()));
        return args;
    }

    @Test
    void aStaleListRefusesTheRunAndWritesNothing() {
        Workspace workspace = Workspace.create(root.resolve("stale"), generated);
        assertThat(workspace.approve("IGB-STALE").code()).isEqualTo(ExitCode.OK);

        Result result = Workspace.trex(run(workspace, LATE, "run", workspace.spec.toString()).toArray(String[]::new));

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).isEqualTo(STALE + System.lineSeparator());
        assertThat(workspace.out).doesNotExist();
    }

    @Test
    void noListRefusesTheRunAndWritesNothing() throws Exception {
        DatabaseUrl empty = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(empty)) {
            fixture.spell("9434765919", LocalDate.of(2025, 1, 5), LocalDate.of(2025, 1, 15), null);
        }
        Workspace workspace = Workspace.create(root.resolve("missing"), empty);
        assertThat(workspace.approve("IGB-MISSING").code()).isEqualTo(ExitCode.OK);

        Result result = Workspace.trex(run(workspace, LocalDate.of(2025, 6, 30), "run", workspace.spec.toString())
                .toArray(String[]::new));

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).startsWith("trex: Cannot run as of 2025-06-30: the national data opt-out has not been "
                + "checked: no allow list dated on or before 2025-06-30 (policy service-evaluation allows lists up to "
                + "92 days old); send a request (trex optouts request)");
        assertThat(workspace.out).doesNotExist();
    }

    @Test
    void aScheduledRunLeavesItsPeriodDue() {
        Workspace workspace = Workspace.create(root.resolve("due"), generated);
        assertThat(workspace.approve("IGB-DUE").code()).isEqualTo(ExitCode.OK);
        String[] due = run(workspace, LATE, "run", "--due", "--specs", workspace.spec.getParent().toString())
                .toArray(String[]::new);

        Result first = Workspace.trex(due);
        Result second = Workspace.trex(due);

        assertThat(first.code()).as(first.all()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(first.err()).contains("discharge-delays", "period 2026-12", ": failed", "the national data opt-out "
                + "list is stale: allow list of 2026-06-01, 184 days old on 2026-12-02");
        // Still due: the next pass tries again rather than finding nothing to do.
        assertThat(second.code()).as(second.all()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(Sql.strings(generated, "SELECT status FROM trex_governance.scheduled_run WHERE extract_id = "
                + "'discharge-delays'")).containsExactly("FAILED", "FAILED");
        assertThat(workspace.published()).isEmpty();
    }
}
