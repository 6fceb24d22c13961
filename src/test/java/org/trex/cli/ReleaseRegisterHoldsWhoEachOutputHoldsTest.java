package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A published run's release register holds, for each record-level output, exactly the person pseudonyms of its
 * rows with their row counts, and for the aggregate the people it counted; and the extract holds no trace of it.
 */
class ReleaseRegisterHoldsWhoEachOutputHoldsTest {
    @TempDir
    Path root;

    @Test
    void registerMatchesThePublishedRowsPersonByPerson() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 11);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-REGISTER").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        Path extract = workspace.published().get(0);
        ReleaseRegister.Registered registered = new ReleaseRegister(url, java.time.Clock.systemUTC())
                .release(extract.getFileName().toString()).orElseThrow();
        assertThat(registered.release().extractId()).isEqualTo(Workspace.EXTRACT);
        assertThat(registered.release().project()).isEqualTo("discharge-evaluation");
        assertThat(registered.release().keyId()).isEqualTo(PseudonymKey.fromFile(workspace.key).id());
        assertThat(registered.release().deletionDays()).isEqualTo(30);
        assertThat(registered.release().extractPath()).isEqualTo(extract.toAbsolutePath());
        assertThat(registered.release().outputs()).extracting(ReleasedOutput::name, ReleasedOutput::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("spells", ReleaseOutputKind.RECORDS),
                        org.assertj.core.groups.Tuple.tuple("social_care_events", ReleaseOutputKind.RECORDS),
                        org.assertj.core.groups.Tuple.tuple("delays_by_band", ReleaseOutputKind.AGGREGATE),
                        org.assertj.core.groups.Tuple.tuple("delays_summary", ReleaseOutputKind.AGGREGATE));

        Map<String, Long> spells = rowsByPerson(extract.resolve("data/spells.csv"));
        Map<String, Long> events = rowsByPerson(extract.resolve("data/social_care_events.csv"));
        assertThat(spells).isNotEmpty();
        assertThat(events).isNotEmpty();
        assertThat(registered(url, registered.id(), "spells")).isEqualTo(spells);
        assertThat(registered(url, registered.id(), "social_care_events")).isEqualTo(events);
        Map<String, Long> counted = registered(url, registered.id(), "delays_by_band");
        assertThat(counted.keySet()).containsAll(spells.keySet());
        assertThat(Workspace.files(extract)).noneMatch(p -> p.toString().contains("people"));
    }

    /** The CSV's rows by their first column, the person's pseudonym. */
    private static Map<String, Long> rowsByPerson(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("person,");
        return lines.stream().skip(1).map(line -> line.substring(0, line.indexOf(',')))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> registered(DatabaseUrl url, long releaseId, String output) throws SQLException {
        Map<String, Long> people = new TreeMap<>();
        try (Connection connection = url.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT encode(p.pseudonym, 'hex'), p.rows"
                        + " FROM trex_governance.release_person p JOIN trex_governance.release_output o"
                        + " ON p.output_id = coalesce(o.people_of, o.id) WHERE o.release_id = ? AND o.name = ?")) {
            statement.setLong(1, releaseId);
            statement.setString(2, output);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    people.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return people;
    }
}
