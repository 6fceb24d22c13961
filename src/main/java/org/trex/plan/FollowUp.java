package org.trex.plan;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.trex.spec.Expr;
import org.trex.spec.ExtractSpec;
import org.trex.spec.OutputSpec;
import org.trex.spec.VariableSpec;

/**
 * How far after its index date a spec follows each index event, and a warning when the cohort's last index events
 * cannot be followed that far by the as-of date: every event read stops at the as-of date, so an outcome still to
 * come (a readmission, a death, a move into care) counts as one that did not happen.
 */
final class FollowUp {
    private FollowUp() {
    }

    /** The warning, when index events up to the cohort's end are followed past the as-of date. */
    static Optional<String> warning(ExtractPlan plan) {
        ExtractSpec spec = plan.spec();
        int days = daysAfterIndex(spec);
        if (days == 0 || !spec.cohort().to().plusDays(days).isAfter(plan.asOf())) {
            return Optional.empty();
        }
        return Optional.of("The spec reads events up to " + days + " days after the index date, but the cohort's"
                + " index events run to " + spec.cohort().to() + " and events are read only to the as-of date "
                + plan.asOf() + ": for index events after " + plan.asOf().minusDays(days) + " what has not happened"
                + " by then counts as not happened; run it as of " + spec.cohort().to().plusDays(days)
                + " or later for complete follow-up");
    }

    /** The most days after the index date any output window or variable of the spec reaches. */
    static int daysAfterIndex(ExtractSpec spec) {
        Stream<Integer> outputs = spec.outputs().stream().map(OutputSpec::window).map(w -> w.toDays());
        Stream<Integer> variables = spec.variables().stream().map(VariableSpec::definition).map(FollowUp::reach);
        return Stream.concat(outputs, variables).mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The days after its anchor an expression reaches: a date moved forward, a window's end. */
    private static int reach(Expr expr) {
        if (expr instanceof Expr.ShiftDays shift) {
            return Math.max(shift.days(), 0) + reach(shift.date());
        }
        if (expr instanceof Expr.Events events) {
            int window = events.window().map(w -> Math.max(w.toDays(), 0) + w.of().map(FollowUp::reach).orElse(0))
                    .orElse(0);
            return Math.max(window, most(events.where()));
        }
        if (expr instanceof Expr.Test test) {
            return Math.max(reach(test.subject()), most(test.operands()));
        }
        if (expr instanceof Expr.Logic logic) {
            return most(logic.operands());
        }
        if (expr instanceof Expr.FirstPresent first) {
            return most(first.operands());
        }
        if (expr instanceof Expr.DaysBetween between) {
            return Math.max(reach(between.from()), reach(between.to()));
        }
        if (expr instanceof Expr.Case choice) {
            int whens = choice.whens().stream().mapToInt(w -> Math.max(reach(w.condition()), reach(w.then())))
                    .max().orElse(0);
            return Math.max(whens, choice.otherwise().map(FollowUp::reach).orElse(0));
        }
        if (expr instanceof Expr.LinkedEpisodes linked) {
            return Math.max(most(linked.episodes().where()), most(linked.indexWhere()));
        }
        return 0;
    }

    private static int most(List<Expr> exprs) {
        return exprs.stream().mapToInt(FollowUp::reach).max().orElse(0);
    }
}
