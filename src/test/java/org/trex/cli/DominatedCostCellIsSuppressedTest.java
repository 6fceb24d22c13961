package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.disclosure.CellStatus;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * End to end on PostgreSQL and Spark: an aggregate sums the cost of social care services by service type, each
 * provider a contributor. The service type one provider delivers nearly all of is suppressed by the nk rule; one
 * shared by many providers is published. The plan names the sum, its contributors and the dominance rule.
 */
class DominatedCostCellIsSuppressedTest {
    private static final String COSTS = """
              - name: service_costs
                kind: aggregate
                dataset: social_care_event
                window: {from_days: -365, to_days: 180}
                group_by:
                  - {name: service_type, source: service_type, form: as_is}
                measures:
                  - {name: services, count: records}
                  - {name: weekly_cost, sum: unit_cost, by: provider_location_id}
            """;

    @Test
    void theServiceOneProviderDominatesHasItsCostSuppressed(@TempDir Path root) throws IOException, SQLException {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1500, 11);
        List<String> types = commonestServiceTypes(url);
        String dominated = types.get(0);
        String shared = types.get(1);
        try (Connection connection = url.connect();
                PreparedStatement oneProvider = connection.prepareStatement("UPDATE social_care.event"
                        + " SET unit_cost = 500, provider_location_id = CASE WHEN event_id % 20 = 0"
                        + " THEN '1-' || event_id ELSE '1-999999999' END WHERE service_type = ?");
                PreparedStatement manyProviders = connection.prepareStatement("UPDATE social_care.event"
                        + " SET unit_cost = 100, provider_location_id = '1-' || event_id WHERE service_type = ?")) {
            oneProvider.setString(1, dominated);
            oneProvider.executeUpdate();
            manyProviders.setString(1, shared);
            manyProviders.executeUpdate();
        }
        Workspace workspace = Workspace.create(root, url);
        String spec = Files.readString(workspace.spec);
        Files.writeString(workspace.spec, spec.replace("schedule:", COSTS + "schedule:"));

        Result plan = Workspace.trex("plan", workspace.spec.toString());
        assertThat(plan.code()).as(plan.all()).isEqualTo(ExitCode.OK);
        assertThat(plan.out()).contains("sum of unit_cost over records, contributors: provider_location_id",
                "suppressed when dominated (nk and p% rules), rounded",
                "aggregate sums: dominated ones suppressed (nk rule: n = 2, k = 90%");
        assertThat(workspace.approve("IGB-COSTS").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        Path published = workspace.published().get(0);
        List<String> lines = Files.readAllLines(published.resolve("data/service_costs.csv"));
        assertThat(lines.get(0)).isEqualTo("service_type,services,weekly_cost");
        assertThat(row(lines, dominated)).as("dominated by one provider").endsWith(",");
        assertThat(row(lines, shared)).as("shared by many providers").doesNotEndWith(",");
        String report = Files.readString(published.resolve("lineage/report.md"));
        assertThat(report).contains(("service_costs.weekly_cost{service_type=").replace("_", "\\_"),
                CellStatus.DOMINATED.description()
                        + ": nk rule: the 2 largest contributions are more than 90% of the total");
    }

    /** The CSV row of a service type (quoted when it holds a comma). */
    private static String row(List<String> lines, String serviceType) {
        String value = serviceType.contains(",") ? "\"" + serviceType + "\"" : serviceType;
        return lines.stream().filter(l -> l.startsWith(value + ",")).findFirst().orElseThrow();
    }

    /** The two service types with the most events. */
    private static List<String> commonestServiceTypes(DatabaseUrl url) throws SQLException {
        try (Connection connection = url.connect();
                PreparedStatement query = connection.prepareStatement("SELECT service_type FROM social_care.event"
                        + " WHERE service_type IS NOT NULL GROUP BY service_type"
                        + " ORDER BY count(*) DESC, service_type LIMIT 2");
                ResultSet result = query.executeQuery()) {
            List<String> types = new ArrayList<>();
            while (result.next()) {
                types.add(result.getString(1));
            }
            assertThat(types).hasSize(2);
            return types;
        }
    }
}
