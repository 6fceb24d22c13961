package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How the signatures on an approval statement count: the distinct members whose signatures hold, how many the
 * board requires, and why each other signature does not count.
 */
public record SignatureTally(int required, List<Signer> signers, List<String> refusals) {
    public SignatureTally {
        signers = List.copyOf(requireNonNull(signers, "signers is null"));
        refusals = List.copyOf(requireNonNull(refusals, "refusals is null"));
    }

    /** Whether enough distinct members signed. */
    public boolean enough() {
        return signers.size() >= required;
    }

    /** "1 of 2 required board signatures hold (...)" with every refusal, for messages. */
    public String summary() {
        StringBuilder out = new StringBuilder().append(signers.size()).append(" of ").append(required)
                .append(" required board member signatures hold");
        if (!signers.isEmpty()) {
            out.append(" (").append(String.join(", ", signers.stream().map(s -> s.member().describe()).toList()))
                    .append(')');
        }
        refusals.forEach(refusal -> out.append("; ").append(refusal));
        return out.toString();
    }
}
