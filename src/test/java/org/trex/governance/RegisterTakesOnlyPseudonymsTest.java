package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * The release register holds pseudonyms only, as their 32 bytes, whatever else a file of people held (an NHS number,
 * a short or long value, an odd number of digits, a letter past f, a character outside ASCII); its refusal quotes
 * none of it, and nothing of the release stays behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterTakesOnlyPseudonymsTest {
    private static final String PSEUDONYM = "0123456789abcdef".repeat(4);
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private DatabaseUrl url;
    private ReleaseRegister register;
    @TempDir
    Path root;

    @BeforeAll
    void migrate() {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        register = new ReleaseRegister(url, Clock.systemUTC());
    }

    @ParameterizedTest
    @CsvSource({
            "9990000018, release_person_pseudonym_check",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd, release_person_pseudonym_check",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef01, release_person_pseudonym_check",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde, odd number of digits",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg, invalid hexadecimal digit",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdé, Cannot read the people counted in"})
    void anythingButAPseudonymIsRefusedWithoutQuotingIt(String value, String refusal) throws IOException {
        String runId = "run-" + Integer.toHexString(value.hashCode());
        Path people = Files.writeString(root.resolve(runId + ".people"), value + "\t1\n");

        assertThatThrownBy(() -> register.record(TestingReleases.of(runId, AS_OF, root, people)))
                .isInstanceOf(RuntimeException.class)
                .hasMessageStartingWith("Cannot ")
                .hasMessageContaining(refusal)
                .hasMessageNotContaining(value.substring(0, 10));
        assertThat(register.release(runId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aPseudonymIsTakenAndFoundAgain(int variant) throws IOException {
        String pseudonym = variant == 0 ? PSEUDONYM : "f".repeat(64);
        String runId = "run-taken-" + variant;
        Path people = Files.writeString(root.resolve(runId + ".people"), pseudonym + "\t3\n");

        long id = register.record(TestingReleases.of(runId, AS_OF, root, people));

        assertThat(register.holdings(id, List.of(pseudonym)))
                .extracting(h -> h.pseudonym() + " " + h.output() + " " + h.rows())
                .containsExactly(pseudonym + " spells 3", pseudonym + " delays_by_band 3");
    }

    @Test
    void theRegisterItselfRefusesAValueOfAnotherLength() throws IOException, SQLException {
        Path people = Files.writeString(root.resolve("direct.people"), PSEUDONYM + "\t1\n");
        long releaseId = register.record(TestingReleases.of("run-direct", AS_OF, root, people));
        long outputId = Sql.count(url, "SELECT min(id) FROM trex_governance.release_output WHERE release_id = "
                + releaseId);
        try (Connection connection = url.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO trex_governance.release_person (pseudonym, output_id, rows) VALUES (?, ?, 1)")) {
            insert.setBytes(1, new byte[31]);
            insert.setLong(2, outputId);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("release_person_pseudonym_check");
            insert.setBytes(1, new byte[32]);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aLookUpByAnythingButAPseudonymIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> register.holdings(1, List.of("9990000018")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot look up a person in the release register by a value of 10 characters: a pseudonym"
                        + " is 64 lower-case hex digits");
    }
}
