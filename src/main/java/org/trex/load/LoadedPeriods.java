package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which periods already loaded a load of a period replaces: its own, and each one it holds whole (a year's file
 * replaces the quarters loaded before it; {@code all} replaces every period). A loaded period it overlaps without
 * holding whole is refused: neither load would replace the other's rows, so the rows in both would be kept twice.
 */
final class LoadedPeriods {
    private LoadedPeriods() {
    }

    /**
     * The loaded periods a load of {@code period} replaces, its own among them when it is loaded; a loaded period
     * of a form no load takes now (an earlier TREx's label) overlaps nothing and is kept.
     *
     * @param files the files loaded, for the refusal's message
     */
    static List<String> replacedBy(String period, Collection<String> loaded, List<String> files) {
        requireNonNull(period, "period is null");
        requireNonNull(loaded, "loaded is null");
        requireNonNull(files, "files is null");
        List<String> replaced = new ArrayList<>();
        for (String other : loaded.stream().sorted().distinct().toList()) {
            if (other.equals(period) || holds(period, other)) {
                replaced.add(other);
            } else if (overlaps(period, other)) {
                String remedy = other.equals(SourceKind.WHOLE)
                        ? "load them under " + SourceKind.WHOLE + ", which replaces it"
                        : "load the files of " + other + " itself, or of a period that holds it whole";
                throw new LoadRefusedException("Cannot load " + files + ": their period " + period + " overlaps "
                        + other + ", already loaded, without holding it whole, so the rows in both would be kept"
                        + " twice (a load replaces its own period and each one it holds whole); " + remedy);
            }
        }
        return replaced;
    }

    private static boolean holds(String period, String other) {
        if (period.equals(SourceKind.WHOLE)) {
            return true;
        }
        Optional<ReportingPeriod> outer = ReportingPeriod.parse(period);
        Optional<ReportingPeriod> inner = ReportingPeriod.parse(other);
        return outer.isPresent() && inner.isPresent() && !inner.get().start().isBefore(outer.get().start())
                && !inner.get().end().isAfter(outer.get().end());
    }

    private static boolean overlaps(String period, String other) {
        if (other.equals(SourceKind.WHOLE)) {
            return true;
        }
        Optional<ReportingPeriod> one = ReportingPeriod.parse(period);
        Optional<ReportingPeriod> two = ReportingPeriod.parse(other);
        return one.isPresent() && two.isPresent() && !one.get().end().isBefore(two.get().start())
                && !two.get().end().isBefore(one.get().start());
    }
}
