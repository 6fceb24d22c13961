package org.trex.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.governance.DeletionNotice;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.NoticedPerson;
import org.trex.governance.Release;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;
import org.trex.nhs.NhsNumber;
import org.trex.optout.AllowListDrops;
import org.trex.optout.LocalObjections;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import org.trex.source.DatabaseUrl;
import org.trex.spec.Applicability;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * A number on the allow list a release's run used that is not on a newer list is an objector of that release
 * (when the national data opt-out applied to it): its notice names that person only, and none comes before the
 * newer list is loaded or for a release the opt-out did not apply to.
 */
class NumbersOffTheAllowListGetNoticesTest {
    private static final LocalDate RUN_AS_OF = LocalDate.of(2026, 6, 30);
    private static final String STAYS = "9990001006";
    private static final String DROPS = "9990001014";

    @TempDir
    Path folder;

    @Test
    void aNumberThatDroppedOffGetsANoticeFromReleasesTheOptOutAppliedTo() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            fixture.person(STAYS, LocalDate.of(1944, 3, 10), "LE1 5WW");
            fixture.person(DROPS, LocalDate.of(1944, 3, 10), "LE1 5WW");
            fixture.allowList(LocalDate.of(2026, 6, 1), 2, List.of(STAYS, DROPS));
            fixture.allowList(LocalDate.of(2026, 7, 10), 2, List.of(STAYS));
        }
        GovernanceSchema.migrate(url);
        Path keyFile = folder.resolve("project.key");
        Files.writeString(keyFile, "5e".repeat(32));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        PseudonymKey key = PseudonymKey.fromFile(keyFile);
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        String stays = pseudonymiser.pseudonym(NhsNumber.parse(STAYS));
        String drops = pseudonymiser.pseudonym(NhsNumber.parse(DROPS));
        Path people = folder.resolve("people.tsv");
        Files.writeString(people, stays + "\t2\n" + drops + "\t3\n");
        ReleaseRegister register = new ReleaseRegister(url, Clock.systemUTC());
        for (Applicability applicability : Applicability.values()) {
            register.record(new Release("discharge-delays", "run-" + applicability, 1, "discharge-evaluation", key.id(),
                    keyFile, RUN_AS_OF, applicability, 30, folder.resolve("out"),
                    List.of(new ReleasedOutput("spells", ReleaseOutputKind.RECORDS, Optional.of("person"), 5,
                            List.of(people)))));
        }
        ObjectionNotices notices = new ObjectionNotices(url, List.of(new LocalObjections(url), new AllowListDrops(url)),
                new KeyLocator(List.of()), Clock.systemUTC());

        NoticeRound beforeTheNewList = notices.issue(LocalDate.of(2026, 7, 5), folder.resolve("notices"), "test");
        NoticeRound after = notices.issue(LocalDate.of(2026, 7, 20), folder.resolve("notices"), "test");

        assertThat(beforeTheNewList.issued()).isEmpty();
        assertThat(after.unresolved()).isEmpty();
        assertThat(after.issued()).hasSize(1);
        DeletionNotice notice = after.issued().get(0);
        assertThat(notice.release().release().runId()).isEqualTo("run-APPLIES");
        assertThat(notice.people()).extracting(NoticedPerson::pseudonym, NoticedPerson::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(drops, "national_data_opt_out_or_unchecked"));
        assertThat(notice.people().get(0).holdings())
                .extracting(ReleaseRegister.Holding::output, ReleaseRegister.Holding::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("spells", 3L));
        assertThat(Files.readString(folder.resolve("notices").resolve(notice.id() + ".json")))
                .contains(drops).doesNotContain(DROPS).doesNotContain(stays);
    }
}
