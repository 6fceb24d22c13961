package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * Migration V64 takes a register that held pseudonyms as 64 hex characters to their 32 bytes: every person stays
 * registered under the same pseudonym, in the same outputs, with the same rows.
 */
class RegisterUpgradeKeepsEveryPseudonymTest {
    private static final String FIRST = "0123456789abcdef".repeat(4);
    private static final String SECOND = "fedcba9876543210".repeat(4);

    @Test
    void pseudonymsHeldAsTextAreFoundAgainAsBytes() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        TestDatabase.governanceAt(url, "63");
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO trex_governance.release (extract_id, run_id, spec_version, project, key_id,"
                    + " key_file, as_of, deletion_days, extract_path, released_at, national_data_opt_out)"
                    + " VALUES ('discharge-delays', 'run-1', 1, 'p', '0123456789abcdef', 'k', DATE '2026-06-30', 30,"
                    + " '/x', now(), 'APPLIES')");
            statement.execute("INSERT INTO trex_governance.release_output (release_id, name, kind, rows)"
                    + " SELECT id, 'spells', 'RECORDS', 5 FROM trex_governance.release");
            statement.execute("INSERT INTO trex_governance.release_person (output_id, pseudonym, rows)"
                    + " SELECT id, '" + FIRST + "', 2 FROM trex_governance.release_output UNION ALL"
                    + " SELECT id, '" + SECOND + "', 3 FROM trex_governance.release_output");
        }

        GovernanceSchema.migrate(url);

        ReleaseRegister register = new ReleaseRegister(url, Clock.systemUTC());
        long id = register.release("run-1").orElseThrow().id();
        assertThat(register.holdings(id, List.of(SECOND, FIRST)))
                .extracting(h -> h.pseudonym() + " " + h.output() + " " + h.rows())
                .containsExactly(FIRST + " spells 2", SECOND + " spells 3");
    }
}
