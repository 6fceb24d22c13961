package org.trex.plan;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.trex.spec.CountOf;
import org.trex.spec.MeasureKind;
import org.trex.spec.MeasureSpec;

/**
 * A measure column of an aggregate output: {@code whereColumn} names the SQL column of its flag filter and, for a
 * mean, {@code meanColumn} the SQL column of the value averaged.
 */
public record PlannedMeasure(MeasureSpec spec, Optional<String> whereColumn, Optional<String> meanColumn) {
    private static final String SUM_PREFIX = OutputPlan.INTERNAL_PREFIX + "sum_";
    private static final String BY_PREFIX = OutputPlan.INTERNAL_PREFIX + "by_";

    public PlannedMeasure {
        requireNonNull(spec, "spec is null");
        requireNonNull(whereColumn, "whereColumn is null");
        requireNonNull(meanColumn, "meanColumn is null");
    }

    public MeasureKind kind() {
        return spec.kind();
    }

    /** For a sum, the SQL column of the field it adds up. */
    public Optional<String> sumColumn() {
        return spec.sum().map(s -> SUM_PREFIX + spec.name());
    }

    /** For a sum weighed by a field, the SQL column telling its contributors apart; empty when they are the people. */
    public Optional<String> byColumn() {
        return spec.by().map(b -> BY_PREFIX + spec.name());
    }

    public String name() {
        return spec.name();
    }

    public CountOf countOf() {
        return spec.countOf();
    }

    public Optional<String> whereField() {
        return spec.where();
    }

    /** Whether the measure is a mean (not a count, so not a cell of its own for disclosure control). */
    public boolean isMean() {
        return spec.mean().isPresent();
    }
}
