package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.spec.Applicability;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * Outputs that counted the same rows (aggregates over a record-level output's read) share their people files; the
 * register keeps those people once, under the first such output, and still answers for every output that holds them.
 */
class OutputsCountingTheSameRowsShareTheirPeopleTest {
    @TempDir
    Path root;

    @Test
    void sharedPeopleAreRegisteredOnceAndHeldByEveryOutput() throws IOException {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        Path spells = people("spells", 0, 300, 2);
        Path events = people("events", 200, 400, 3);
        ReleaseRegister register = new ReleaseRegister(url, Clock.systemUTC());

        long id = register.record(new Release("discharge-delays", "run-1", 1, "discharge-evaluation",
                "0123456789abcdef", root.resolve("project.key"), LocalDate.of(2026, 6, 30), Applicability.APPLIES,
                30, root.resolve("out"), List.of(
                        output("spells", ReleaseOutputKind.RECORDS, List.of(spells)),
                        output("social_care_events", ReleaseOutputKind.RECORDS, List.of(events)),
                        output("delays_by_band", ReleaseOutputKind.AGGREGATE, List.of(spells)),
                        output("no_one", ReleaseOutputKind.AGGREGATE, List.of()),
                        output("delays_summary", ReleaseOutputKind.AGGREGATE, List.of(spells)),
                        output("nobody_either", ReleaseOutputKind.AGGREGATE, List.of()))));

        String person = "SELECT output_id || ' ' || encode(pseudonym, 'hex') FROM trex_governance.release_person";
        assertThat(Sql.strings(url, person + " ORDER BY ctid")).hasSize(500)
                .isEqualTo(Sql.strings(url, person + " ORDER BY output_id, pseudonym"));
        assertThat(Sql.strings(url, "SELECT o.name || ' ' || coalesce(h.name, '-')"
                + " FROM trex_governance.release_output o"
                + " LEFT JOIN trex_governance.release_output h ON h.id = o.people_of ORDER BY o.id"))
                .containsExactly("spells -", "social_care_events -", "delays_by_band spells", "no_one -",
                        "delays_summary spells", "nobody_either -");
        assertThat(register.holdings(id, List.of(pseudonym(250), pseudonym(100), pseudonym(350))))
                .extracting(h -> h.pseudonym().substring(60) + " " + h.output() + " " + h.kind() + " " + h.rows())
                .containsExactly(
                        "0064 spells RECORDS 2", "0064 delays_by_band AGGREGATE 2",
                        "0064 delays_summary AGGREGATE 2",
                        "00fa spells RECORDS 2", "00fa social_care_events RECORDS 3",
                        "00fa delays_by_band AGGREGATE 2", "00fa delays_summary AGGREGATE 2",
                        "015e social_care_events RECORDS 3");

        register.withdraw("run-1");

        assertThat(Sql.count(url, "SELECT count(*) FROM trex_governance.release_person")).isZero();
        assertThat(Sql.count(url, "SELECT count(*) FROM trex_governance.release_output")).isZero();
    }

    private static ReleasedOutput output(String name, ReleaseOutputKind kind, List<Path> people) {
        Optional<String> personColumn = kind == ReleaseOutputKind.RECORDS ? Optional.of("person") : Optional.empty();
        return new ReleasedOutput(name, kind, personColumn, 1, people);
    }

    /** A people file of the persons numbered {@code from} to {@code to}, each with {@code rows} rows. */
    private Path people(String name, int from, int to, int rows) throws IOException {
        return Files.write(root.resolve(name + ".people"), IntStream.range(from, to)
                .mapToObj(i -> pseudonym(i) + "\t" + rows).toList());
    }

    private static String pseudonym(int person) {
        return String.format("%064x", person);
    }
}
