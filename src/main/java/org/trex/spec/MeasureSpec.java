package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One column of an aggregate output: a count (of records or people), optionally of rows where a flag field is
 * true; or the mean of a days or count field over the records counted (blank values left out), published only
 * where the output's count of those same records is.
 */
public record MeasureSpec(String name, CountOf countOf, Optional<String> where, Optional<String> mean) {
    public MeasureSpec {
        Names.requireIdentifier(name, "measure name");
        requireNonNull(countOf, "countOf is null");
        requireNonNull(where, "where is null");
        requireNonNull(mean, "mean is null");
        if (mean.isPresent() && countOf != CountOf.RECORDS) {
            throw new IllegalArgumentException("Cannot take mean " + name + " over " + countOf.yamlName()
                    + ": a mean is over records");
        }
    }

    /** A count. */
    public MeasureSpec(String name, CountOf countOf, Optional<String> where) {
        this(name, countOf, where, Optional.empty());
    }

    /** A count or a mean as written: exactly one of {@code count} and {@code mean}. */
    static MeasureSpec of(String name, Optional<CountOf> count, Optional<String> where, Optional<String> mean) {
        if (count.isPresent() == mean.isPresent()) {
            throw new IllegalArgumentException("Cannot read measure " + name + ": it has "
                    + (count.isPresent() ? "both count and mean" : "neither count nor mean") + ", expected one of them");
        }
        return new MeasureSpec(name, count.orElse(CountOf.RECORDS), where, mean);
    }

    /** The measure in words, as plans, data dictionaries and lineage describe it. */
    public String words() {
        String rows = where.map(w -> " where " + w).orElse("");
        return mean.map(field -> "mean of " + field + " over records" + rows + " (blanks left out)")
                .orElseGet(() -> "count of " + countOf.yamlName() + rows);
    }

    /** What disclosure control does to the measure. */
    public String control() {
        return mean.isPresent() ? "blank where its count of records is suppressed, 1 decimal place" : "suppressed and rounded";
    }
}
