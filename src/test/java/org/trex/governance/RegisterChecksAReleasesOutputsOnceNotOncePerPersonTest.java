package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * Registering a release's people checks that their outputs exist once for the whole release, not once a person: a
 * foreign key's check looked each person's output up again, three quarters of the time a release took to register.
 */
class RegisterChecksAReleasesOutputsOnceNotOncePerPersonTest {
    private static final int PEOPLE = 500;

    @TempDir
    Path root;

    @Test
    void theOutputsAreReadAFewTimesWhateverThePeople() throws IOException, SQLException, InterruptedException {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO trex_governance.release (extract_id, run_id, spec_version, project, key_id,"
                    + " key_file, as_of, deletion_days, extract_path, released_at, national_data_opt_out)"
                    + " SELECT 'earlier', 'earlier-' || g, 1, 'p', '0123456789abcdef', 'k', DATE '2026-06-30', 30,"
                    + " '/x', now(), 'APPLIES' FROM generate_series(1, 60) g");
            statement.execute("INSERT INTO trex_governance.release_output (release_id, name, kind, rows)"
                    + " SELECT r.id, 'output-' || g, 'RECORDS', 1 FROM trex_governance.release r,"
                    + " generate_series(1, 4) g");
            statement.execute("ANALYZE trex_governance.release_output");
        }
        Scans before = scans(url, new Scans(-1, -1));
        Path people = Files.write(root.resolve("people"), IntStream.range(0, PEOPLE)
                .mapToObj(i -> String.format("%064x\t1", i)).toList());

        new ReleaseRegister(url, Clock.systemUTC()).record(TestingReleases.of("run-1", LocalDate.of(2026, 6, 30),
                root, people));

        Scans after = scans(url, before);
        // The release's outputs are inserted (each a look-up of its release) and checked once: a few reads in all.
        assertThat(after.byKey() - before.byKey() + after.whole() - before.whole()).isLessThan(20);
    }

    /** Scans of {@code release_output}: of the whole table, and by an index. */
    private record Scans(long whole, long byKey) {
    }

    /** The table's scan counts once they differ from {@code than}: a backend reports its own as it ends. */
    private static Scans scans(DatabaseUrl url, Scans than) throws SQLException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (Connection connection = url.connect(); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT coalesce(seq_scan, 0), coalesce(idx_scan, 0)"
                            + " FROM pg_stat_user_tables WHERE schemaname = 'trex_governance'"
                            + " AND relname = 'release_output'")) {
                row.next();
                Scans scans = new Scans(row.getLong(1), row.getLong(2));
                if (!scans.equals(than) || attempt == 50) {
                    return scans;
                }
            }
            Thread.sleep(100);
        }
    }
}
