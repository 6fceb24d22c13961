package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which of the dates {@link ExtractVerifier} finds in the files around an extract's data are taken for a person's
 * date of birth ({@code among}: of the dates given, those), which dates it is given ({@code ages}) and how its
 * problems name them ({@code what}). It is never given a date the run's lineage declares as the run's own.
 */
public record BirthDates(UnaryOperator<Set<LocalDate>> among, Ages ages, String what) {
    /**
     * How many years before the run's as-of date a date must be to be taken for a date of birth without the source.
     * An adult's date of birth is that old, and adult social care holds adults; a child's is as recent as the dates
     * an analyst writes about the run, and without the source to ask, nothing tells them apart.
     */
    public static final int ADULT_YEARS = 18;

    /** Without the source to ask: every date old enough to be an adult's date of birth is taken for one. */
    public static final BirthDates LOOK_ALIKES = new BirthDates(UnaryOperator.identity(), Ages.ADULTS,
            "what looks like a date of birth (a whole date " + ADULT_YEARS
                    + " years or more before the run's as-of date)");

    /** Whose dates of birth are looked for. */
    public enum Ages {
        /** Only dates {@link #ADULT_YEARS} years or more before the run's as-of date. */
        ADULTS,
        /** Every date, a child's too (hospital data holds children): the source says which are dates of birth. */
        EVERYONE
    }

    public BirthDates {
        requireNonNull(among, "among is null");
        requireNonNull(ages, "ages is null");
        LineageChecks.requireText(what, "what");
    }

    /** The dates of birth the source holds, anyone's: {@code among} looks up which of the dates given someone has. */
    public static BirthDates inSource(UnaryOperator<Set<LocalDate>> among) {
        return new BirthDates(among, Ages.EVERYONE, "the date of birth of a person in the source");
    }
}
