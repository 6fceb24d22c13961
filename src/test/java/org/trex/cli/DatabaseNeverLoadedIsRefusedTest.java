package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * Every command that reads the source refuses a database TREx never loaded (an empty PostgreSQL database) with exit
 * 2 and one line that says what is missing, where (the URL without its password) and what to do, before it reads
 * or writes anything: no extract, no request file, and no schema made in the database.
 */
class DatabaseNeverLoadedIsRefusedTest {
    private static final String MISSING = " has no TREx source tables (schemas ref, social_care, health, opt_out, "
            + "source_load are missing); load the sources first with trex load";

    @TempDir
    Path root;

    private Workspace workspace;
    private DatabaseUrl url;

    @BeforeEach
    void emptyDatabase() {
        // Trust authentication ignores the password; it is there to be hidden.
        url = new DatabaseUrl(TestDatabase.fresh().jdbcUrl() + "&password=never-printed");
        workspace = Workspace.create(root, url);
    }

    @Test
    void runOfAnApprovedExtractSaysWhatIsMissing() {
        assertThat(workspace.approve("REF-EMPTY").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertRefused(run, "run extract discharge-delays");
        assertThat(workspace.out.resolve(Workspace.EXTRACT)).as("extract directory").doesNotExist();
    }

    @Test
    void runDueFailsTheDueExtractSayingWhatIsMissing() {
        assertThat(workspace.approve("REF-EMPTY").code()).isEqualTo(ExitCode.OK);

        Result due = Workspace.trex("run", "--due", "--as-of", Workspace.AS_OF.toString(), "--specs",
                workspace.spec.getParent().toString(), "--out", workspace.out.toString(), "--master", "local[2]",
                "--key-file", workspace.key.toString(), "--database-url", url.jdbcUrl());

        // As any due extract that fails: the pass goes on to the others and exits 5.
        assertThat(due.code()).as(due.all()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(due.err()).contains("period 2026-06-01T06:00: failed (").contains(
                "): Cannot run extract discharge-delays: the database " + url.redacted() + MISSING + ")");
        assertNothingWritten(due);
        assertThat(workspace.published()).isEmpty();
    }

    @Test
    void planWithTheDatabaseSaysWhatIsMissing() {
        Result plan = Workspace.trex("plan", workspace.spec.toString(), "--database-url", url.jdbcUrl());

        assertRefused(plan, "count the cohort of extract discharge-delays");
    }

    @Test
    void deletionNoticesSayWhatIsMissing() {
        Result notices = Workspace.trex("objections", "notices", "--out", root.resolve("notices").toString(),
                "--database-url", url.jdbcUrl());

        assertRefused(notices, "issue deletion notices");
    }

    @Test
    void optOutRequestSaysWhatIsMissingAndWritesNoFile() {
        Path request = root.resolve("request.csv");

        Result written = Workspace.trex("optouts", "request", "--out", request.toString(), "--all",
                "--database-url", url.jdbcUrl());

        assertRefused(written, "write the opt-out request");
        assertThat(request).doesNotExist();
    }

    private void assertRefused(Result result, String doing) {
        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).contains("trex: Cannot " + doing + ": the database " + url.redacted() + MISSING);
        assertNothingWritten(result);
    }

    private void assertNothingWritten(Result result) {
        assertThat(result.all()).doesNotContain("never-printed").doesNotContain("SQL [");
        assertThat(Sql.strings(url, "SELECT nspname FROM pg_namespace WHERE nspname IN ('ref', 'social_care', "
                + "'health', 'opt_out', 'source_load')")).as("source schemas made in the database").isEmpty();
    }
}
