package org.trex.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

class GenerationIsDeterministicTest {
    private static String digest(DatabaseUrl url) {
        StringBuilder all = new StringBuilder();
        for (SourceTable table : SourceTable.values()) {
            all.append(Sql.strings(url, "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "
                    + table.qualifiedName() + " t").get(0)).append(' ');
        }
        return all.toString();
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        DatabaseUrl first = TestDatabase.fresh();
        DatabaseUrl second = TestDatabase.fresh();
        DatabaseUrl other = TestDatabase.fresh();
        GenerationSummary a = SyntheticData.generate(first, 3_000, 5);
        GenerationSummary b = SyntheticData.generate(second, 3_000, 5);
        SyntheticData.generate(other, 3_000, 6);
        assertThat(digest(first)).isEqualTo(digest(second));
        assertThat(digest(first)).isNotEqualTo(digest(other));
        for (SourceTable table : SourceTable.values()) {
            assertThat(a.rows(table)).as(table.qualifiedName()).isEqualTo(b.rows(table));
        }
        assertThat(a.rows(SourceTable.PERSON_TABLE))
                .isEqualTo(Sql.count(first, "SELECT count(*) FROM social_care.person"));
    }

    @Test
    void aDatabaseThatHoldsRowsIsRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 200, 1);
        assertThatThrownBy(() -> SyntheticData.generate(url, 200, 1))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Cannot generate synthetic data in ")
                .hasMessageEndingWith(": opt_out.national_data_opt_out_check already holds rows;"
                        + " use an empty database");
    }

    @Test
    void aPopulationOutsideTheLimitsIsRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        assertThatThrownBy(() -> SyntheticData.generate(url, 0, 1))
                .hasMessage("Cannot generate 0 people: give 1 to " + SyntheticData.MAX_PEOPLE);
    }
}
