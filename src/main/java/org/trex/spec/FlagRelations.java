package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Set;

/**
 * What a spec's flag variables say of one another on every index event, read from their definitions alone: a
 * flag defined as {@code and} over another (or as that other) is true only where the other is; a flag defined as
 * {@code not} of another that is never blank is true exactly where the other is false. Tests are two-valued (a
 * test on a blank value is false), so a flag built only of tests, {@code and}, {@code or} and {@code not} is never
 * blank; anything else (an events summary, a case, a source field) may be, and then nothing is claimed.
 */
public final class FlagRelations {
    private final ExtractSpec spec;

    public FlagRelations(ExtractSpec spec) {
        this.spec = requireNonNull(spec, "spec is null");
    }

    /** True when {@code flag} is true only where {@code other} is (so a count with it is part of one with other). */
    public boolean implies(String flag, String other) {
        requireNonNull(flag, "flag is null");
        requireNonNull(other, "other is null");
        return implies(flag, other, new HashSet<>());
    }

    /** True when every index event has exactly one of the two flags true (so their counts add up to the whole). */
    public boolean splitsWith(String flag, String other) {
        requireNonNull(flag, "flag is null");
        requireNonNull(other, "other is null");
        return negates(flag, other) || negates(other, flag);
    }

    private boolean negates(String flag, String other) {
        return spec.variable(flag).map(VariableSpec::definition)
                .filter(d -> d instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.NOT
                        && logic.operands().get(0) instanceof Expr.VariableValue v && v.name().equals(other))
                .isPresent() && neverBlank(other, new HashSet<>());
    }

    private boolean implies(String flag, String other, Set<String> seen) {
        if (flag.equals(other)) {
            return true;
        }
        // The spec checker refuses cycles; the guard keeps a spec that was not checked from looping.
        if (!seen.add(flag)) {
            return false;
        }
        boolean implied = spec.variable(flag).filter(v -> v.type() == ValueType.FLAG)
                .map(v -> impliedBy(v.definition(), other, seen)).orElse(false);
        seen.remove(flag);
        return implied;
    }

    private boolean impliedBy(Expr definition, String other, Set<String> seen) {
        if (definition instanceof Expr.VariableValue variable) {
            return implies(variable.name(), other, seen);
        }
        return definition instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.AND
                && logic.operands().stream().anyMatch(o -> impliedBy(o, other, seen));
    }

    private boolean neverBlank(String flag, Set<String> seen) {
        if (!seen.add(flag)) {
            return false;
        }
        boolean never = spec.variable(flag).filter(v -> v.type() == ValueType.FLAG)
                .map(v -> neverBlank(v.definition(), seen)).orElse(false);
        seen.remove(flag);
        return never;
    }

    private boolean neverBlank(Expr expr, Set<String> seen) {
        if (expr instanceof Expr.Test) {
            return true;
        }
        if (expr instanceof Expr.VariableValue variable) {
            return neverBlank(variable.name(), seen);
        }
        return expr instanceof Expr.Logic logic && logic.operands().stream().allMatch(o -> neverBlank(o, seen));
    }
}
