package org.trex.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.trex.generate.SyntheticData;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.LoadedSpec;
import org.trex.testing.TestDatabase;

/**
 * A generated population copied past its size for a benchmark reaches the spells asked for exactly, copies social
 * care with it, uses only numbers the population had, and still links: ASCOF 2D finds reablement after discharge in
 * the copies as in the original.
 */
class CopiedPopulationKeepsItsLinksTest {
    @Test
    void copiesReachTheTargetAndStillLink() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 3_000, 7);
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(LoadedSpec.load(
                Path.of("extracts/reablement-ascof-2d.yaml"), SourceCatalog.standard()), SyntheticData.AS_OF);
        String linked = "SELECT count(*) FROM (" + plan.output("spells").sql() + ") AS spells"
                + " WHERE discharged_to_reablement";
        long spells = count(url, "SELECT count(*) FROM health.inpatient_spell");
        long events = count(url, "SELECT count(*) FROM social_care.event");
        long maxSpell = count(url, "SELECT max(spell_id) FROM health.inpatient_spell");
        long linkedBefore = count(url, linked);
        assertThat(linkedBefore).isPositive();

        PopulationCopies.Enlarged enlarged = PopulationCopies.enlarge(url, spells * 2 + spells / 2);

        assertThat(enlarged.copies()).isEqualTo(2);
        assertThat(enlarged.spells()).isEqualTo(spells * 2 + spells / 2)
                .isEqualTo(count(url, "SELECT count(*) FROM health.inpatient_spell"));
        assertThat(enlarged.events()).isEqualTo(events * 3);
        assertThat(count(url, "SELECT count(*) FROM health.inpatient_spell AS copy WHERE copy.spell_id > " + maxSpell
                + " AND copy.nhs_number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM health.inpatient_spell AS original"
                + " WHERE original.spell_id <= " + maxSpell + " AND replace(replace(original.nhs_number, ' ', ''),"
                + " '-', '') = copy.nhs_number) AND NOT EXISTS (SELECT 1 FROM social_care.person AS council"
                + " WHERE replace(replace(council.nhs_number, ' ', ''), '-', '') = copy.nhs_number)")).isZero();
        assertThat(count(url, linked)).isGreaterThanOrEqualTo(linkedBefore * 3 / 2);
    }

    @Test
    void fewerSpellsThanThePopulationHoldsAreRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 500, 7);

        assertThatThrownBy(() -> PopulationCopies.enlarge(url, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot enlarge a population of ")
                .hasMessageEndingWith(" spells to 10 spells: give at least as many spells as it holds, and generate"
                        + " some first");
    }

    private static long count(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = url.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
