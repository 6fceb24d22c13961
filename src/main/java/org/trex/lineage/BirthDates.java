package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which of the dates {@link ExtractVerifier} finds in the files around an extract's data are taken for a person's
 * date of birth ({@code among}: of the dates given, those), and how its problems name them ({@code what}). It is
 * given only whole dates {@link PersonalDataScan#ADULT_YEARS} years or more before the run's as-of date: the run's
 * own dates (its as-of date, windows, loads, approval) are recent, an adult's date of birth is not.
 */
public record BirthDates(UnaryOperator<Set<LocalDate>> among, String what) {
    private static final String OLD_ENOUGH = " (a whole date " + PersonalDataScan.ADULT_YEARS
            + " years or more before the run's as-of date)";

    /** Without the source to ask: every date old enough to be an adult's date of birth is taken for one. */
    public static final BirthDates LOOK_ALIKES = new BirthDates(UnaryOperator.identity(),
            "what looks like a date of birth" + OLD_ENOUGH);

    public BirthDates {
        requireNonNull(among, "among is null");
        LineageChecks.requireText(what, "what");
    }

    /** The dates of birth the source holds: {@code among} looks up which of the dates given someone has. */
    public static BirthDates inSource(UnaryOperator<Set<LocalDate>> among) {
        return new BirthDates(among, "the date of birth of a person in the source" + OLD_ENOUGH);
    }
}
