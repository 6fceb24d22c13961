package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * The register is keyed by output, then pseudonym, and each release's people go in after every earlier release's, at
 * the end of that key, so registering does not slow as the register grows. Lookups, all within one release, and
 * withdrawing a release work on that key.
 */
class RegisterTakesEachReleaseAtTheEndOfItsKeyTest {
    private static final int PEOPLE = 500;
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @TempDir
    Path root;

    @Test
    void eachReleaseGoesInAfterTheLastInKeyOrder() throws IOException {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        ReleaseRegister register = new ReleaseRegister(url, Clock.systemUTC());
        Random random = new Random(7);
        List<String> first = pseudonyms(random);
        long firstId = register.record(TestingReleases.of("run-1", AS_OF, root, people("first", first)));
        long secondId = register.record(TestingReleases.of("run-2", AS_OF, root,
                people("second", pseudonyms(random))));

        assertThat(Sql.strings(url, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'trex_governance'"
                + " AND tablename = 'release_person'"))
                .containsExactly("CREATE UNIQUE INDEX release_person_pkey ON trex_governance.release_person"
                        + " USING btree (output_id, pseudonym)");
        // In a table only ever inserted into, the physical order is the order the rows went in: output by output.
        List<String> inserted = Sql.strings(url, "SELECT output_id FROM trex_governance.release_person ORDER BY ctid");
        assertThat(inserted).hasSize(2 * PEOPLE).isSortedAccordingTo(Comparator.comparingLong(Long::parseLong))
                .containsOnly(outputHoldingPeople(url, "run-1"), outputHoldingPeople(url, "run-2"));

        assertThat(register.holdings(firstId, first.subList(0, 3)))
                .extracting(ReleaseRegister.Holding::output).containsExactly("spells", "delays_by_band", "spells",
                        "delays_by_band", "spells", "delays_by_band");
        assertThat(register.holdings(secondId, first.subList(0, 3))).isEmpty();
        register.withdraw("run-1");
        assertThat(register.holdings(firstId, first)).isEmpty();
        assertThat(Sql.count(url, "SELECT count(*) FROM trex_governance.release_person")).isEqualTo(PEOPLE);
    }

    private static String outputHoldingPeople(DatabaseUrl url, String runId) {
        return Sql.strings(url, "SELECT o.id FROM trex_governance.release_output o JOIN trex_governance.release r"
                + " ON r.id = o.release_id WHERE r.run_id = '" + runId + "' AND o.people_of IS NULL").get(0);
    }

    /** Random pseudonyms, as a run's are: the order they arrive in says nothing of the key's. */
    private static List<String> pseudonyms(Random random) {
        List<String> pseudonyms = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            StringBuilder hex = new StringBuilder();
            random.ints(64, 0, 16).forEach(d -> hex.append(Character.forDigit(d, 16)));
            pseudonyms.add(hex.toString());
        }
        return pseudonyms;
    }

    private Path people(String name, List<String> pseudonyms) throws IOException {
        return Files.write(root.resolve(name + ".people"), pseudonyms.stream().map(p -> p + "\t1").toList());
    }
}
