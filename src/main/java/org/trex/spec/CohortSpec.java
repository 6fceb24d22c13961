package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

/**
 * Who is in an extract: the index events in a date window, for people of an age at the index date,
 * with or without social care at that date, meeting every condition.
 */
public record CohortSpec(
        String description,
        IndexEvent indexEvent,
        LocalDate from,
        LocalDate to,
        OptionalInt minAge,
        OptionalInt maxAge,
        SocialCareAtIndex socialCareAtIndex,
        List<Condition> conditions) {

    public CohortSpec {
        Names.requireText(description, "cohort description");
        requireNonNull(indexEvent, "indexEvent is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(minAge, "minAge is null");
        requireNonNull(maxAge, "maxAge is null");
        requireNonNull(socialCareAtIndex, "socialCareAtIndex is null");
        conditions = List.copyOf(requireNonNull(conditions, "conditions is null"));
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Cannot use cohort window " + from + " to " + to
                    + ": it ends before it starts");
        }
        if (minAge.isPresent() && maxAge.isPresent() && maxAge.getAsInt() < minAge.getAsInt()) {
            throw new IllegalArgumentException("Cannot use cohort ages " + minAge.getAsInt() + " to "
                    + maxAge.getAsInt() + ": the maximum is below the minimum");
        }
    }
}
