package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.sshsig.SshSignature;
import org.trex.testing.SshKeygen;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * The governance database trusts the first board register it sees, and a later one only when enough members of the
 * adopted register signed the statement naming its SHA-256: a register that lists its own keys adopts nothing.
 */
class BoardRegisterIsAdoptedOnlyOnItsMembersSignaturesTest {
    @TempDir
    Path root;

    DatabaseUrl url;
    BoardAdoptions adoptions;
    DemoBoard adopted;
    DemoBoard next;

    @BeforeEach
    void adoptTheFirstRegisterOnFirstUse() {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        adoptions = new BoardAdoptions(url, Clock.systemUTC());
        adopted = TestingBoard.create(root.resolve("adopted"));
        next = TestingBoard.create(root.resolve("next"));

        assertThat(adoptions.require(adopted.register(), "ig-officer", "approve extract x"))
                .isEqualTo(BoardCheck.ADOPTED_ON_FIRST_USE);
        assertThat(adoptions.require(adopted.register(), "ig-officer", "approve extract x"))
                .isEqualTo(BoardCheck.ADOPTED_ALREADY);
        assertThat(adoptions.current().orElseThrow().sha256()).isEqualTo(adopted.register().sha256());
    }

    @Test
    void anotherRegisterIsRefusedUntilAdopted() {
        assertThatThrownBy(() -> adoptions.require(next.register(), "someone", "run extract x"))
                .isInstanceOf(BoardNotAdoptedException.class)
                .hasMessageStartingWith("Cannot run extract x: board register " + next.register().file()
                        + " has SHA-256 " + next.register().sha256() + ", but the governance database's adopted"
                        + " register has SHA-256 " + adopted.register().sha256() + " (adopted by ig-officer on ")
                .hasMessageEndingWith("on first use); members of the adopted register adopt a new one with: trex board"
                        + " adopt " + next.register().file() + " --signature FILE...");
    }

    @Test
    void oneSignatureOfTwoRequiredAdoptsNothing() {
        byte[] statement = adoptions.statement(next.register()).bytes();

        assertThatThrownBy(() -> adoptions.adopt(next.register(),
                List.of(adopted.sign(TestingBoard.CHAIR, statement)), "someone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot adopt board register " + next.register().file() + " (SHA-256 "
                        + next.register().sha256() + "): members of the adopted register (SHA-256 "
                        + adopted.register().sha256() + ") must sign its statement")
                .hasMessageContaining("1 of 2 required board member signatures hold (Dr Test Chair");
        assertThat(adoptions.current().orElseThrow().sha256()).isEqualTo(adopted.register().sha256());
    }

    @Test
    void theNewRegistersOwnMembersAdoptNothing() {
        byte[] statement = adoptions.statement(next.register()).bytes();
        // A signature by an adopted member over another statement, such as an approval, counts for nothing either.
        SshSignature overAnother = adopted.sign(TestingBoard.GUARDIAN,
                "trex approval v1\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> adoptions.adopt(next.register(), List.of(next.sign(TestingBoard.CHAIR, statement),
                next.sign(TestingBoard.GUARDIAN, statement), overAnother), "someone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 of 2 required board member signatures hold; the signature by key "
                        + next.register().members().get(0).key().fingerprint() + " does not count: that key is not a"
                        + " member's in the board register (the adopted one, SHA-256 " + adopted.register().sha256()
                        + ")")
                .hasMessageContaining("the signature by Test Caldicott Guardian (Caldicott Guardian, Testing NHS Trust,"
                        + " key " + adopted.register().members().get(1).key().fingerprint() + ") does not count: it"
                        + " does not verify over the statement adopting register SHA-256 " + next.register().sha256());
        assertThat(adoptions.current().orElseThrow().sha256()).isEqualTo(adopted.register().sha256());
    }

    @Test
    void enoughMembersOfTheAdoptedRegisterAdoptTheNext() throws Exception {
        Path statement = Files.writeString(root.resolve("adoption.txt"), adoptions.statement(next.register()).text());
        SshSignature byChair = SshSignature.parse(SshKeygen.sign(adopted.keyFile(TestingBoard.CHAIR), statement));
        SshSignature byGuardian = adopted.sign(TestingBoard.GUARDIAN, Files.readAllBytes(statement));

        assertThat(adoptions.adopt(next.register(), List.of(byChair, byGuardian), "secretary"))
                .isEqualTo(BoardCheck.ADOPTED_ON_SIGNATURES);

        AdoptedRegister current = adoptions.current().orElseThrow();
        assertThat(current.sha256()).isEqualTo(next.register().sha256());
        assertThat(current.how()).isEqualTo(AdoptedRegister.Adoption.SIGNED);
        assertThat(adoptions.require(next.register(), "someone", "run extract x"))
                .isEqualTo(BoardCheck.ADOPTED_ALREADY);
        assertThatThrownBy(() -> adoptions.require(adopted.register(), "someone", "run extract x"))
                .isInstanceOf(BoardNotAdoptedException.class);
        List<AuditEntry> adoptionsAudited = new AuditLog(url).list(Optional.empty()).stream()
                .filter(e -> e.action() == AuditAction.BOARD_ADOPT).toList();
        assertThat(adoptionsAudited).hasSize(2);
        assertThat(adoptionsAudited.get(1).actor()).isEqualTo("secretary");
        assertThat(adoptionsAudited.get(1).details()).contains(next.register().sha256(),
                adopted.register().sha256(), "chair " + adopted.register().members().get(0).key().fingerprint());
    }
}
