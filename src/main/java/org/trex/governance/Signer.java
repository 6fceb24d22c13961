package org.trex.governance;

import static java.util.Objects.requireNonNull;

import org.trex.spec.BoardMember;

/** A board member whose signature over an approval statement verified, with that signature as armoured text. */
public record Signer(BoardMember member, String signature) {
    public Signer {
        requireNonNull(member, "member is null");
        requireNonNull(signature, "signature is null");
    }
}
