package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardMember;
import org.trex.spec.BoardRegister;
import org.trex.sshsig.SshSignature;

/**
 * A board register the governance database adopted: its SHA-256, its text, who adopted it when, and how, with the
 * armoured signatures of the adoption statement (none on first use).
 */
public record AdoptedRegister(String sha256, String content, Instant adoptedAt, String adoptedBy, Adoption how,
        List<String> signatures) {
    /** How a register came to be adopted. */
    public enum Adoption {
        /** The first register the governance database saw. */
        FIRST_USE,
        /** Signed by enough members of the register it replaced. */
        SIGNED
    }

    public AdoptedRegister {
        Texts.requireSha256(sha256, "adopted register SHA-256");
        requireNonNull(content, "content is null");
        requireNonNull(adoptedAt, "adoptedAt is null");
        Texts.requireText(adoptedBy, "adopted by");
        requireNonNull(how, "how is null");
        signatures = List.copyOf(requireNonNull(signatures, "signatures is null"));
    }

    /** "adopted by X on DATE (on first use)", for messages. */
    public String describe() {
        return "adopted by " + adoptedBy + " on " + adoptedAt.toString().substring(0, 10)
                + (how == Adoption.FIRST_USE ? " on first use" : " on board members' signatures");
    }

    /** The register read from the text that was adopted (its members, the approvals it requires). */
    public BoardRegister register() {
        return BoardFiles.read(content, Path.of("(the adopted one, SHA-256 " + sha256 + ")"));
    }

    /**
     * The members of {@code replaced} (the register this one replaced) whose signatures adopted it, known by the key
     * each signature names: the signatures were verified when the register was adopted.
     */
    public List<BoardMember> signers(BoardRegister replaced) {
        requireNonNull(replaced, "replaced is null");
        return signatures.stream().map(SshSignature::parse).map(SshSignature::key).map(replaced::member)
                .flatMap(Optional::stream).toList();
    }
}
