package org.trex.variable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.select;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.junit.jupiter.api.Test;
import org.trex.source.SourceCatalog;
import org.trex.source.SqlText;
import org.trex.spec.ExtractSpec;
import org.trex.spec.LoadedSpec;

/**
 * The compiler's SQL, without a database: events summaries are left lateral joins (one aggregate per index
 * event), episodes and links are window functions over everybody's events at once, and a variable several
 * others use is compiled once.
 */
class VariablesCompileToSetBasedSqlTest {
    private static final ExtractSpec ASCOF = spec("extracts/reablement-ascof-2d.yaml");
    private static final ExtractSpec DELAYS = spec("extracts/discharge-delays.yaml");

    private static ExtractSpec spec(String file) {
        return LoadedSpec.load(Path.of(file), SourceCatalog.standard()).spec().value();
    }

    private static String sql(ExtractSpec spec, String... variables) {
        IndexRows rows = IndexRows.of(spec, SourceCatalog.standard(), SqlText.asOf(LocalDate.of(2026, 6, 30)));
        List<Field<?>> fields = Arrays.stream(variables).<Field<?>>map(rows::field).toList();
        return SqlText.template(select(fields).from(rows.from())).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replace("( ", "(").replace(" )", ")");
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void anEventsSummaryIsOneLeftLateralJoinOnTheLinkKey() {
        String sql = sql(DELAYS, "social_care_at_admission");

        assertThat(occurrences(sql, "left outer join lateral")).isEqualTo(1);
        assertThat(sql).contains("fetch next 1 rows only").contains("replace(").doesNotContain(" over (");
    }

    @Test
    void aLinkOfEpisodesIsWindowFunctionsNotOneQueryPerRow() {
        String sql = sql(ASCOF, "ascof_2d_reablement_start");

        assertThat(sql).contains("rows between unbounded preceding and 1 preceding")
                .contains("row_number() over (partition by")
                .containsPattern("sum\\([^)]*\\) over \\(partition by [^)]* rows unbounded preceding\\)")
                .contains("'9999-01-01'");
        // The one lateral join is the cohort's own condition on candidate discharges (care at admission).
        assertThat(occurrences(sql, "lateral")).isEqualTo(1);
    }

    @Test
    void aVariableUsedByOthersIsCompiledOnce() {
        String one = sql(ASCOF, "discharged_to_reablement");
        String all =
                sql(ASCOF, "discharged_to_reablement", "died_within_84_days", "emergency_readmission_within_84_days",
                "new_long_term_care_within_84_days", "reablement_outcome_achieved");

        assertThat(occurrences(one, "row_number() over")).isEqualTo(1);
        assertThat(occurrences(all, "row_number() over")).isEqualTo(1);
        assertThat(occurrences(all, "left outer join lateral"))
                .isEqualTo(occurrences(one, "left outer join lateral") + 3);
    }

    @Test
    void aWindowIsARangeOfDatesAroundTheIndexDate() {
        String sql = sql(ASCOF, "new_long_term_care_within_84_days");

        assertThat(sql).contains("\"event_start_date\" between (\"health\".\"inpatient_spell\".\"discharge_date\" + 0)"
                + " and (\"health\".\"inpatient_spell\".\"discharge_date\" + 84)");
    }
}
