package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.ValueSource;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * The release register holds pseudonyms only: 64 lower-case hex digits, whatever else a file of people held (an NHS
 * number, upper case, a short or long value, a letter past f, a character outside ASCII), and its refusal quotes
 * none of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterTakesOnlyPseudonymsTest {
    private static final String PSEUDONYM = "0123456789abcdef".repeat(4);

    private DatabaseUrl url;
    private long outputId;
    @TempDir
    Path root;

    @BeforeAll
    void migrate() throws SQLException {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO trex_governance.release (extract_id, run_id, spec_version, project, key_id,"
                    + " key_file, as_of, deletion_days, extract_path, released_at, national_data_opt_out)"
                    + " VALUES ('e', 'r', 1, 'p', '0123456789abcdef', 'k', DATE '2026-06-30', 30, '/x', now(),"
                    + " 'APPLIES')");
            try (var rows = statement.executeQuery("INSERT INTO trex_governance.release_output (release_id, name, kind,"
                    + " rows) SELECT id, 'spells', 'RECORDS', 1 FROM trex_governance.release RETURNING id")) {
                rows.next();
                outputId = rows.getLong(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"9990000018", "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdé"})
    void anythingButAPseudonymIsRefused(String value) {
        assertThatThrownBy(() -> insert(value)).isInstanceOf(SQLException.class)
                .hasMessageContaining("release_person_pseudonym_check").hasMessageNotContaining(value);
    }

    /** As a run would meet it: the refusal names the check and quotes nothing of what the file held. */
    @Test
    void aFileOfNumbersIsRefusedWithoutQuotingThem() throws IOException {
        Path people = Files.writeString(root.resolve("numbers.people"), "9990000018\t1\n");

        assertThatThrownBy(() -> new ReleaseRegister(url, Clock.systemUTC()).record(
                TestingReleases.of("run-numbers", LocalDate.of(2026, 6, 30), root, people)))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Cannot register release run-numbers of discharge-delays in ")
                .hasMessageContaining("release_person_pseudonym_check").hasMessageNotContaining("9990000018");
        assertThat(new ReleaseRegister(url, Clock.systemUTC()).release("run-numbers")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aPseudonymIsTaken(int variant) throws SQLException {
        String value = variant == 0 ? PSEUDONYM : "f".repeat(64);
        insert(value);
        try (Connection connection = url.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM trex_governance.release_person WHERE pseudonym = ?")) {
            query.setString(1, value);
            try (var rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }

    private void insert(String pseudonym) throws SQLException {
        try (Connection connection = url.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO trex_governance.release_person (pseudonym, output_id, rows) VALUES (?, ?, 1)")) {
            insert.setString(1, pseudonym);
            insert.setLong(2, outputId);
            insert.executeUpdate();
        }
    }
}
