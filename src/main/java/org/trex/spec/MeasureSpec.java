package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One column of an aggregate output: a count (of records or people), optionally of rows where a flag field is
 * true; or the mean of a days or count field over the records counted (blank values left out), published only
 * where the output's count of those same records is; or the sum of a numeric field over the records, whose
 * contributors (for the dominance rules) are the values of {@code by} (a provider, say), else the people.
 */
public record MeasureSpec(String name, CountOf countOf, Optional<String> where, Optional<String> mean,
        Optional<String> sum, Optional<String> by) {
    public MeasureSpec {
        Names.requireIdentifier(name, "measure name");
        requireNonNull(countOf, "countOf is null");
        requireNonNull(where, "where is null");
        requireNonNull(mean, "mean is null");
        requireNonNull(sum, "sum is null");
        requireNonNull(by, "by is null");
        if ((mean.isPresent() || sum.isPresent()) && countOf != CountOf.RECORDS) {
            throw new IllegalArgumentException("Cannot take " + (mean.isPresent() ? "mean " : "sum ") + name + " over "
                    + countOf.yamlName() + ": it is over records");
        }
        if (mean.isPresent() && sum.isPresent()) {
            throw new IllegalArgumentException("Cannot use measure " + name + ": it is a mean and a sum");
        }
        if (by.isPresent() && sum.isEmpty()) {
            throw new IllegalArgumentException("Cannot weigh measure " + name + " by " + by.get()
                    + ": only a sum has contributors");
        }
    }

    /** A count. */
    public MeasureSpec(String name, CountOf countOf, Optional<String> where) {
        this(name, countOf, where, Optional.empty());
    }

    /** A count, or a mean when {@code mean} names its field. */
    public MeasureSpec(String name, CountOf countOf, Optional<String> where, Optional<String> mean) {
        this(name, countOf, where, mean, Optional.empty(), Optional.empty());
    }

    /** A count, a mean or a sum as written: exactly one of {@code count}, {@code mean} and {@code sum}. */
    static MeasureSpec of(String name, Optional<CountOf> count, Optional<String> where, Optional<String> mean,
            Optional<String> sum, Optional<String> by) {
        List<String> kinds = new ArrayList<>();
        count.ifPresent(c -> kinds.add("count"));
        mean.ifPresent(m -> kinds.add("mean"));
        sum.ifPresent(s -> kinds.add("sum"));
        if (kinds.size() != 1) {
            throw new IllegalArgumentException("Cannot read measure " + name + ": it has "
                    + (kinds.isEmpty() ? "neither count nor mean nor sum" : "both " + String.join(" and ", kinds))
                    + ", expected one of them");
        }
        return new MeasureSpec(name, count.orElse(CountOf.RECORDS), where, mean, sum, by);
    }

    /** What the measure computes. */
    public MeasureKind kind() {
        return mean.isPresent() ? MeasureKind.MEAN : sum.isPresent() ? MeasureKind.SUM : MeasureKind.COUNT;
    }

    /** The measure in words, as plans, data dictionaries and lineage describe it. */
    public String words() {
        String rows = where.map(w -> " where " + w).orElse("");
        return switch (kind()) {
            case MEAN -> "mean of " + mean.orElseThrow() + " over records" + rows + " (blanks left out)";
            case SUM -> "sum of " + sum.orElseThrow() + " over records" + rows + ", contributors: "
                    + by.orElse("people");
            case COUNT -> "count of " + countOf.yamlName() + rows;
        };
    }

    /** What disclosure control does to the measure. */
    public String control() {
        return switch (kind()) {
            case MEAN -> "blank where its count of records is suppressed, 1 decimal place";
            case SUM -> "suppressed when dominated (nk and p% rules), rounded";
            case COUNT -> "suppressed and rounded";
        };
    }
}
