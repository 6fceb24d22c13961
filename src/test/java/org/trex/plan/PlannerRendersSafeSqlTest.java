package org.trex.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.source.SourceSchema;
import org.trex.spec.Condition;
import org.trex.spec.ExtractSpec;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;

class PlannerRendersSafeSqlTest {
    private final Planner planner = new Planner(SourceCatalog.standard());

    @Test
    void hostileConditionValueIsALiteralAndTheQueryRuns() throws Exception {
        ExtractSpec spec = Specs.spec(
                Specs.cohort(List.of(new Condition("discharge_method",
                        List.of("'; drop table social_care.person; --")))),
                List.of(Specs.spells(), Specs.socialCareEvents(), Specs.delaysByBand()));
        ExtractPlan plan = planner.plan(spec, Specs.policy(), LocalDate.of(2025, 6, 30), "{}", "{}");

        assertThat(plan.output("spells").sql()).contains("'''; drop table social_care.person; --'");
        DatabaseUrl url = TestDatabase.fresh();
        SourceSchema.migrate(url);
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            for (OutputPlan output : plan.outputs()) {
                statement.executeQuery(output.sql()).close();
            }
            try (ResultSet rows = statement.executeQuery("select count(*) from social_care.person")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void templateNamesTheAsOfDateSoTheHashIsStableAcrossRuns() {
        ExtractSpec spec = Specs.dischargeDelays();
        ExtractPlan june = planner.plan(spec, Specs.policy(), LocalDate.of(2025, 6, 30), "{}", "{}");
        ExtractPlan july = planner.plan(spec, Specs.policy(), LocalDate.of(2025, 7, 31), "{}", "{}");

        assertThat(june.output("spells").sqlTemplate()).contains(":as_of").doesNotContain("2025-06-30");
        assertThat(june.output("spells").sql()).contains("2025-06-30").doesNotContain(":as_of");
        assertThat(june.planHash()).isEqualTo(july.planHash()).hasSize(64);
        assertThat(planner.plan(spec, Specs.policy(), LocalDate.of(2025, 6, 30), "{\"changed\":1}", "{}").planHash())
                .isNotEqualTo(june.planHash());
    }
}
