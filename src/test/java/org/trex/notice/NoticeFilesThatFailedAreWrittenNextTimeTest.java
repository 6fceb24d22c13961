package org.trex.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.governance.DeletionNotice;
import org.trex.governance.DeletionNotices;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.Release;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;
import org.trex.nhs.NhsNumber;
import org.trex.optout.LocalObjections;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import org.trex.source.DatabaseUrl;
import org.trex.spec.Applicability;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * A notice is recorded before its files are written, so a round whose files failed (a bad --out, a full disk) leaves a
 * notice without files; the next round writes them, each file whole (moved into place, no temporary left), and a
 * notice already done is not written again.
 */
class NoticeFilesThatFailedAreWrittenNextTimeTest {
    private static final String OBJECTOR = "9990001006";

    @TempDir
    Path folder;

    @Test
    void theNextRoundWritesTheFilesOfANoticeWhoseFilesFailed() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            long person = fixture.person(OBJECTOR, LocalDate.of(1944, 3, 10), "LE1 5WW");
            fixture.objection(person, LocalDate.of(2026, 7, 1), null);
        }
        GovernanceSchema.migrate(url);
        Path keyFile = folder.resolve("project.key");
        Files.writeString(keyFile, "5e".repeat(32));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        PseudonymKey key = PseudonymKey.fromFile(keyFile);
        Path people = folder.resolve("people.tsv");
        Files.writeString(people, new Pseudonymiser(key).pseudonym(NhsNumber.parse(OBJECTOR)) + "\t2\n");
        new ReleaseRegister(url, Clock.systemUTC()).record(new Release("discharge-delays", "run-1", 1,
                "discharge-evaluation", key.id(), keyFile, LocalDate.of(2026, 6, 30), Applicability.EXEMPT, 30,
                folder.resolve("out"), List.of(new ReleasedOutput("spells", ReleaseOutputKind.RECORDS,
                        Optional.of("person"), 2, List.of(people)))));
        ObjectionNotices notices = new ObjectionNotices(url, List.of(new LocalObjections(url)),
                new KeyLocator(List.of()), Clock.systemUTC());
        Path notAFolder = Files.writeString(folder.resolve("not-a-folder"), "");
        LocalDate asOf = LocalDate.of(2026, 7, 20);

        assertThatThrownBy(() -> notices.issue(asOf, notAFolder, "test"))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("Cannot write notice DN-000001 into ");
        Path out = folder.resolve("notices");
        NoticeRound next = notices.issue(asOf, out, "test");

        assertThat(next.issued()).isEmpty();
        assertThat(next.rewritten()).extracting(DeletionNotice::id).containsExactly("DN-000001");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("DN-000001.json", "DN-000001.md");
        }
        assertThat(Files.readString(out.resolve("DN-000001.json"))).contains("\"notice\" : \"DN-000001\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("DN-000001.md"))))
                .isEqualTo("rw-------");

        new DeletionNotices(url, Clock.systemUTC()).acknowledge("DN-000001", "TRE operator", List.of(), "test");
        Path elsewhere = folder.resolve("elsewhere");
        assertThat(notices.issue(asOf, elsewhere, "test").rewritten()).isEmpty();
        assertThat(elsewhere).doesNotExist();
    }
}
