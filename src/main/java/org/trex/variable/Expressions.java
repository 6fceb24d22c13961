package org.trex.variable;

import java.util.ArrayList;
import java.util.List;
import org.trex.spec.Expr;

/** The direct parts of an expression that are read in the same row (events and links open rows of their own). */
final class Expressions {
    private Expressions() {
    }

    static List<Expr> children(Expr expr) {
        List<Expr> children = new ArrayList<>();
        if (expr instanceof Expr.Test test) {
            children.add(test.subject());
            children.addAll(test.operands());
        } else if (expr instanceof Expr.Logic logic) {
            children.addAll(logic.operands());
        } else if (expr instanceof Expr.ShiftDays shift) {
            children.add(shift.date());
        } else if (expr instanceof Expr.DaysBetween between) {
            children.add(between.from());
            children.add(between.to());
        } else if (expr instanceof Expr.FirstPresent first) {
            children.addAll(first.operands());
        } else if (expr instanceof Expr.Case branches) {
            branches.whens().forEach(w -> {
                children.add(w.condition());
                children.add(w.then());
            });
            branches.otherwise().ifPresent(children::add);
        }
        return children;
    }
}
