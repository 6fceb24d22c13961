package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.Applicability;
import org.trex.spec.Condition;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.Policy;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestSpark;

/**
 * A condition value in an approved spec stays a value on a server whose {@code standard_conforming_strings} is
 * off (where a backslash escapes the quote jOOQ doubled): {@code \') OR (true --} reads no extra row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionValuesStayValuesTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 15);

    @TempDir
    Path dir;
    DatabaseUrl url;

    @BeforeAll
    void sourceOnAServerWithBackslashEscapes() throws Exception {
        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            fixture.spell("9990000018", DISCHARGED.minusDays(10), DISCHARGED, DISCHARGED.minusDays(3));
            fixture.spell("9990000026", DISCHARGED.minusDays(8), DISCHARGED, DISCHARGED.minusDays(2));
            fixture.nationalList(LocalDate.of(2025, 6, 1));
        }
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET standard_conforming_strings = off', "
                    + "current_database()); END $$");
        }
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery("SHOW standard_conforming_strings")) {
            assertThat(setting.next()).isTrue();
            assertThat(setting.getString(1)).as("a new session on this database").isEqualTo("off");
        }
    }

    @Test
    void anInjectedConditionReadsNoRow() {
        assertThat(rowsRead("\\') OR (true --")).isZero();
    }

    @Test
    void aPlainConditionReadsItsRows() {
        assertThat(rowsRead("1")).isEqualTo(2);
    }

    private long rowsRead(String dischargeMethod) {
        Policy policy = Specs.policy(Applicability.APPLIES, Applicability.APPLIES,
                new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1));
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(
                Specs.spec(Specs.cohort(List.of(new Condition("discharge_method", List.of(dischargeMethod)))),
                        List.of(Specs.spells())), policy, AS_OF, "{}", "{}");
        Path data = dir.resolve(Integer.toHexString(dischargeMethod.hashCode()));
        try {
            Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ExtractJob(TestSpark.session(), url, SourceCatalog.standard(), 2)
                .run(plan, OptOutLoader.load(url, plan.exclusions()),
                        PseudonymKey.fromHex("7a".repeat(32), "test"), data)
                .outputs().get(0).rowsRead();
    }
}
