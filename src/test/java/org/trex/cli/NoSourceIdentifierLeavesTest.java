package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * No NHS number (as stored or normalised), postcode or date of birth from the source, and never the key, is found in
 * any file a run writes: the extract, the failed-runs log, or the audit log's details.
 */
class NoSourceIdentifierLeavesTest {
    @TempDir
    Path root;

    @Test
    void noIdentifierInAnyFileTheRunsWrote() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 23);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-IDS").code()).isEqualTo(ExitCode.OK);
        Result ran = workspace.run();
        assertThat(ran.code()).as(ran.all()).isEqualTo(ExitCode.OK);
        // A refused run as well, so that the failed-runs log exists and is searched too.
        Files.writeString(workspace.policy,
                Files.readString(workspace.policy).replace("below_k: suppress", "below_k: refuse"));
        assertThat(workspace.approve("IGB-IDS-REFUSE").code()).isEqualTo(ExitCode.OK);
        Result failed = workspace.run();
        assertThat(failed.code()).as(failed.all()).isEqualTo(ExitCode.FAILURE);

        Path extractRoot = workspace.out.resolve(Workspace.EXTRACT);
        List<Path> failedRuns = Workspace.files(extractRoot.resolve("failed-runs"));
        assertThat(failedRuns).hasSize(1);
        List<Path> extractFiles = Workspace.files(workspace.published().get(0));
        assertThat(extractFiles).extracting(p -> p.getFileName().toString())
                .contains("spells.csv", "spells.parquet", "manifest.json", "openlineage.ndjson", "report.html",
                        "README.md");
        String audit = new AuditLog(url).list(Optional.empty()).stream()
                .map(e -> e.actor() + "\t" + e.details()).collect(Collectors.joining("\n"));

        Set<String> identifiers = identifiers(url);
        assertThat(identifiers).hasSizeGreaterThan(1000);
        List<String> found = new ArrayList<>();
        for (Path file : concat(extractFiles, failedRuns)) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            identifiers.stream().filter(content::contains).forEach(id -> found.add(file + ": " + id));
        }
        identifiers.stream().filter(audit::contains).forEach(id -> found.add("audit log: " + id));
        assertThat(found).as("source identifiers found").isEmpty();

        for (Path file : Workspace.files(workspace.out)) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContainIgnoringCase(Workspace.KEY_HEX);
        }
    }

    /**
     * Every NHS number as stored and normalised, postcode as stored and without its space, and date of birth in
     * ISO form, from every source table that holds one. Dates the run prints for its own reasons (as-of date,
     * cohort window, today in timestamps) are left out of the search: a person born on one of them would make
     * the search fail for no leak.
     */
    private static Set<String> identifiers(DatabaseUrl url) throws SQLException {
        Set<String> own = Set.of(Workspace.AS_OF.toString(), "2024-04-01", "2025-03-31",
                LocalDate.now(ZoneOffset.UTC).toString(), LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        Set<String> values = new HashSet<>();
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_schema, table_name, column_name FROM "
                    + "information_schema.columns WHERE column_name IN ('nhs_number', 'postcode', 'date_of_birth') "
                    + "AND table_schema IN ('social_care', 'health', 'opt_out')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            assertThat(columns).hasSizeGreaterThanOrEqualTo(6);
            for (String[] c : columns) {
                try (ResultSet rs =
                        statement.executeQuery("SELECT DISTINCT " + c[2] + "::text FROM " + c[0] + "." + c[1]
                        + " WHERE " + c[2] + " IS NOT NULL")) {
                    while (rs.next()) {
                        String value = rs.getString(1).strip();
                        switch (c[2]) {
                            case "nhs_number" -> {
                                values.add(value);
                                String digits = value.replace(" ", "").replace("-", "");
                                if (digits.length() >= 8) {
                                    values.add(digits);
                                }
                            }
                            case "postcode" -> {
                                values.add(value);
                                values.add(value.replace(" ", "").toUpperCase(Locale.ROOT));
                            }
                            default -> {
                                if (!own.contains(value)) {
                                    values.add(value);
                                }
                            }
                        }
                    }
                }
            }
        }
        values.removeIf(v -> v.length() < 5);
        return values;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
