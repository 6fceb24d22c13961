package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** The board register the governance database trusts: its SHA-256, its text, and who adopted it when, and how. */
public record AdoptedRegister(String sha256, String content, Instant adoptedAt, String adoptedBy, Adoption how) {
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
    }

    /** "adopted by X on DATE (on first use)", for messages. */
    public String describe() {
        return "adopted by " + adoptedBy + " on " + adoptedAt.toString().substring(0, 10)
                + (how == Adoption.FIRST_USE ? " on first use" : " on board members' signatures");
    }
}
