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
        requireNonNull(board, "board is null");
        return tally(new Signed(statement.bytes(), "this statement (plan hash " + statement.planHash()
                + ", reference " + statement.reference() + "); it was made over another plan hash or statement",
                Optional.of(statement.requester())), signatures, board, board.approvalsRequired(statement.policy()));
    }

    /**
     * How the armoured signatures on a statement adopting a new register count under the register it replaces:
     * each member once, as many as the most that register requires for any approval, since adopting a register
     * decides every later approval.
     */
    public static SignatureTally countAdoption(BoardAdoptionStatement statement, List<String> signatures,
            BoardRegister board) {
        requireNonNull(statement, "statement is null");
        requireNonNull(board, "board is null");
        int required = board.policyApprovalsRequired().values().stream()
                .reduce(board.approvalsRequired(), Math::max);
        return tally(new Signed(statement.bytes(), "the statement adopting register SHA-256 "
                + statement.registerSha256() + " in place of " + statement.replacesSha256()
                + "; it was made over another statement", Optional.empty()), signatures, board, required);
    }

    /** What the signatures must be over, how to name it when one is not, and whose organisation may not sign. */
    private record Signed(byte[] bytes, String over, Optional<String> requester) {
    }

    private static SignatureTally tally(Signed signed, List<String> signatures, BoardRegister board, int required) {
        requireNonNull(signatures, "signatures is null");
        List<Signer> signers = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        for (String armored : signatures) {
            Optional<BoardMember> member = check(signed, armored, board, refusals);
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
        return new SignatureTally(required, signers, refusals);
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

    private static Optional<BoardMember> check(Signed signed, String armored, BoardRegister board,
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
        if (!signature.verifies(signed.bytes(), SshSignature.APPROVAL_NAMESPACE)) {
            refusals.add("the signature by " + member.get().describe() + " does not count: it does not verify over "
                    + signed.over() + ", or altered");
            return Optional.empty();
        }
        if (signed.requester().filter(member.get()::organisationRequested).isPresent()) {
            refusals.add("the signature by " + member.get().describe() + " does not count: "
                    + member.get().organisation() + " is the requester's organisation");
            return Optional.empty();
        }
        return member;
    }
}
