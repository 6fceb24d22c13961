package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * The register's people are checked against their outputs a statement at a time (V72), and keep the guarantees the
 * foreign key gave: no person for an output that does not exist, an output's ID fixed under its people, outputs
 * never truncated under their people (V73), and a release withdrawn takes its outputs' people with it, for a role
 * that may only add and read rows (and withdraw a release) as for the owner.
 */
class RegisterPeopleBelongToOutputsThatExistTest {
    private static final String PERSON = "trex_governance.release_person";

    @TempDir
    Path root;

    private DatabaseUrl url;

    @BeforeEach
    void registeredRelease() throws IOException {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        Path people = Files.write(root.resolve("people"), IntStream.range(0, 50)
                .mapToObj(i -> String.format("%064x\t1", i)).toList());
        ReleaseRegister register = new ReleaseRegister(url, Clock.systemUTC());
        register.record(TestingReleases.of("run-1", LocalDate.of(2026, 6, 30), root, people));
        register.record(TestingReleases.of("run-2", LocalDate.of(2026, 7, 31), root, people));
    }

    @Test
    void aPersonForAnOutputThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> Sql.execute(url, "INSERT INTO " + PERSON + " (output_id, pseudonym, rows)"
                + " SELECT max(output_id) + 1000, '\\x" + "00".repeat(32) + "', 1 FROM " + PERSON))
                .hasRootCauseInstanceOf(SQLException.class)
                .rootCause().hasMessageContaining("names release output")
                .hasMessageContaining("which does not exist")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"));
    }

    @Test
    void aPersonMovedToAnOutputThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> Sql.execute(url, "UPDATE " + PERSON + " SET output_id = output_id + 1000"))
                .rootCause().hasMessageContaining("which does not exist");
    }

    @Test
    void anOutputsIdCannotChangeUnderItsPeople() {
        assertThatThrownBy(() -> Sql.execute(url, "UPDATE trex_governance.release_output SET id = DEFAULT"))
                .rootCause().hasMessageContaining("the register's people name it");
    }

    @Test
    void theOutputsCannotBeTruncatedUnderTheirPeople() {
        String outputs = "SELECT count(*)::text FROM trex_governance.release_output";
        assertThat(Sql.strings(url, outputs)).containsExactly("4");

        assertThatThrownBy(() -> Sql.execute(url, "TRUNCATE trex_governance.release_output"))
                .rootCause().hasMessageContaining("cannot truncate table \"release_output\": the register's people"
                        + " name its outputs");
        assertThat(Sql.strings(url, outputs)).containsExactly("4");

        Sql.execute(url, "TRUNCATE " + PERSON);
        Sql.execute(url, "TRUNCATE trex_governance.release_output");
        assertThat(Sql.strings(url, outputs)).containsExactly("0");
    }

    @Test
    void aRoleThatMayOnlyAddAndReadRegistersAndWithdrawsAsTheKeysChecksLet() throws IOException {
        String role = "trex_register_" + UUID.randomUUID().toString().replace("-", "");
        String database = url.jdbcUrl().replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
        Sql.execute(url, "CREATE ROLE " + role + " LOGIN PASSWORD 'register'");
        try {
            Sql.execute(url, "GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + role);
            Sql.execute(url, "GRANT USAGE ON SCHEMA trex_governance TO " + role);
            Sql.execute(url, "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA trex_governance TO " + role);
            Sql.execute(url, "GRANT DELETE ON trex_governance.release TO " + role);
            DatabaseUrl limited = TestDatabase.as(url, role, "register");
            Path people = Files.write(root.resolve("people-3"), IntStream.range(100, 120)
                    .mapToObj(i -> String.format("%064x\t1", i)).toList());
            ReleaseRegister register = new ReleaseRegister(limited, Clock.systemUTC());
            long before = Sql.count(url, "SELECT count(*) FROM " + PERSON);

            register.record(TestingReleases.of("run-3", LocalDate.of(2026, 8, 31), root, people));
            long registered = Sql.count(url, "SELECT count(*) FROM " + PERSON);
            register.withdraw("run-3");

            assertThat(registered).isEqualTo(before + 20);
            assertThat(Sql.count(url, "SELECT count(*) FROM " + PERSON)).isEqualTo(before);
        } finally {
            Sql.execute(url, "DROP OWNED BY " + role);
            Sql.execute(url, "DROP ROLE " + role);
        }
    }

    @Test
    void aWithdrawnReleaseTakesItsPeopleAndLeavesTheOthers() {
        long before = Sql.count(url, "SELECT count(*) FROM " + PERSON);

        new ReleaseRegister(url, Clock.systemUTC()).withdraw("run-1");

        assertThat(Sql.count(url, "SELECT count(*) FROM " + PERSON)).isEqualTo(before / 2).isPositive();
        assertThat(Sql.count(url, "SELECT count(*) FROM " + PERSON + " p WHERE NOT EXISTS (SELECT 1 FROM"
                + " trex_governance.release_output o WHERE o.id = p.output_id)")).isZero();
    }
}
