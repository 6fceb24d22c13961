package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trex.spec.BoardMember;
import org.trex.spec.BoardRegister;
import org.trex.sshsig.SshSignature;

/**
 * Checks board signatures against the register alone, trusting nothing a database says about them: a signature
 * counts when it is an SSHSIG signature in the {@code trex-approval} namespace over exactly this statement, by a key
 * the register lists, of a member outside the requester's organisation, and the first of that member's.
 */
public final class BoardSignatures {
    private BoardSignatures() {
    }

    /** How the armoured signatures on this statement count under this register. */
    public static SignatureTally count(ApprovalStatement statement, List<String> signatures, BoardRegister board) {
        requireNonNull(statement, "statement is null");
        requireNonNull(signatures, "signatures is null");
        requireNonNull(board, "board is null");
        List<Signer> signers = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        for (String armored : signatures) {
            Optional<BoardMember> member = check(statement, armored, board, refusals);
            if (member.isEmpty()) {
                continue;
            }
            if (counted.add(member.get().id())) {
                signers.add(new Signer(member.get(), armored));
            } else {
                refusals.add("a second signature by " + member.get().name()
                        + " does not count: each member counts once");
            }
        }
        return new SignatureTally(board.approvalsRequired(statement.policy()), signers, refusals);
    }

    /** The member who signed this revocation, when the signature holds under the register. */
    public static Optional<BoardMember> revoker(RevocationStatement statement, String signature, BoardRegister board) {
        requireNonNull(statement, "statement is null");
        try {
            SshSignature parsed = SshSignature.parse(signature);
            return board.member(parsed.key())
                    .filter(m -> parsed.verifies(statement.bytes(), SshSignature.APPROVAL_NAMESPACE));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<BoardMember> check(ApprovalStatement statement, String armored, BoardRegister board,
            List<String> refusals) {
        SshSignature signature;
        try {
            signature = SshSignature.parse(armored);
        } catch (IllegalArgumentException e) {
            refusals.add("a signature does not count: " + e.getMessage());
            return Optional.empty();
        }
        String fingerprint = signature.key().fingerprint();
        if (!signature.namespace().equals(SshSignature.APPROVAL_NAMESPACE)) {
            refusals.add("the signature by key " + fingerprint + " does not count: it was made for namespace "
                    + signature.namespace() + ", not " + SshSignature.APPROVAL_NAMESPACE);
            return Optional.empty();
        }
        Optional<BoardMember> member = board.member(signature.key());
        if (member.isEmpty()) {
            refusals.add("the signature by key " + fingerprint + " does not count: that key is not a member's in the"
                    + " board register " + board.file());
            return Optional.empty();
        }
        if (!signature.verifies(statement.bytes(), SshSignature.APPROVAL_NAMESPACE)) {
            refusals.add("the signature by " + member.get().describe() + " does not count: it does not verify over"
                    + " this statement (plan hash " + statement.planHash() + ", reference " + statement.reference()
                    + "); it was made over another plan hash or statement, or altered");
            return Optional.empty();
        }
        if (member.get().organisationRequested(statement.requester())) {
            refusals.add("the signature by " + member.get().describe() + " does not count: "
                    + member.get().organisation() + " is the requester's organisation");
            return Optional.empty();
        }
        return member;
    }
}
