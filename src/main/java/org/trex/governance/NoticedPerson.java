package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One person on a deletion notice: their pseudonym under the release's project key, what made them an objector
 * (an exclusion reason's code), and the rows of theirs each output holds or counted.
 */
public record NoticedPerson(String pseudonym, String source, List<ReleaseRegister.Holding> holdings) {
    public NoticedPerson {
        requireNonNull(pseudonym, "pseudonym is null");
        Texts.requireText(source, "source");
        holdings = List.copyOf(requireNonNull(holdings, "holdings is null"));
    }
}
