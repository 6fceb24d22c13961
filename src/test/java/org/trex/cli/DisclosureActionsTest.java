package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * Each below-k action of the policy, on generated people whose age band, sex and discharge month make classes
 * smaller than k = 5, judged on the released CSV itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureActionsTest {
    static final int K = 5;
    static final List<String> QIS = List.of("age_band", "sex", "discharge_month");

    DatabaseUrl url;

    @BeforeAll
    void generate() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 11);
    }

    private Workspace approved(Path root, String belowK, String reference) {
        Workspace workspace =
                Workspace.create(root, url, policy -> replaceOnce(policy, "below_k: suppress", "below_k: " + belowK));
        Result approve = workspace.approve(reference);
        assertThat(approve.code()).as(approve.all()).isEqualTo(ExitCode.OK);
        return workspace;
    }

    @Test
    void refuseFailsTheRunAndPublishesNothing(@TempDir Path root) {
        Workspace workspace = approved(root, "refuse", "IGB-REFUSE");

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("trex: Cannot publish output spells: its smallest equivalence class on "
                + "[age_band, sex, discharge_month] has ",
                " records, the policy requires k = 5 and refuses the run below it");
        assertThat(workspace.published()).isEmpty();
        // Only the failed-runs log remains: no staging directory, no data file.
        assertThat(Workspace.files(workspace.out)).allSatisfy(f -> assertThat(f.toString()).contains("/failed-runs/"));
    }

    @Test
    void generaliseReleasesTenYearBandsAndMeetsK(@TempDir Path root) throws IOException {
        Workspace workspace = approved(root, "generalise", "IGB-GENERALISE");

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        List<Map<String, String>> rows = spells(workspace);
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(r -> r.get("age_band"))
                .as("ten-year bands, the top band, or blank where a class was still too small")
                .allMatch(band -> band.isEmpty() || band.matches("\\d?0-\\d?9") || band.equals("90+"));
        // Months were generalised to years too.
        assertThat(rows).extracting(r -> r.get("discharge_month")).allMatch(m -> m.isEmpty() || m.matches("\\d{4}"));
        assertEveryClassHasAtLeastK(rows);
    }

    @Test
    void suppressBlanksTheQuasiIdentifiersOfSmallClasses(@TempDir Path root) throws IOException {
        Workspace workspace = approved(root, "suppress", "IGB-SUPPRESS");

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        List<Map<String, String>> rows = spells(workspace);
        List<Map<String, String>> suppressed = rows.stream().filter(r -> r.get("age_band").isEmpty()).toList();
        assertThat(suppressed).as("rows of classes below k").isNotEmpty()
                .allSatisfy(r -> assertThat(r).containsEntry("sex", "").containsEntry("discharge_month", ""));
        assertThat(rows).extracting(r -> r.get("age_band"))
                .as("five-year bands are kept as they were where k is met")
                .allMatch(band -> band.isEmpty() || band.matches("\\d+-\\d+") || band.equals("90+"))
                .anyMatch(band -> band.matches("\\d5-\\d9"));
        assertEveryClassHasAtLeastK(rows);
    }

    private static void assertEveryClassHasAtLeastK(List<Map<String, String>> rows) {
        Map<String, Long> classes = rows.stream().collect(Collectors.groupingBy(
                r -> QIS.stream().map(r::get).collect(Collectors.joining("|")), Collectors.counting()));
        assertThat(classes).as("equivalence classes on " + QIS)
                .allSatisfy((qis, size) -> assertThat(size).as(qis).isGreaterThanOrEqualTo(K));
    }

    private static List<Map<String, String>> spells(Workspace workspace) throws IOException {
        assertThat(workspace.published()).hasSize(1);
        List<String> lines = Files.readAllLines(workspace.published().get(0).resolve("data/spells.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        assertThat(header).containsAll(QIS);
        return lines.subList(1, lines.size()).stream().map(line -> {
            String[] values = line.split(",", -1);
            assertThat(values).as(line).hasSize(header.size());
            return header.stream().collect(Collectors.toMap(Function.identity(), h -> values[header.indexOf(h)]));
        }).toList();
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }
}
