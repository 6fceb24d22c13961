package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a spec's flag variables say of one another on every index event, read from their definitions alone: a
 * flag defined as {@code and} over another (or as that other) is true only where the other is, and so is a flag
 * that is an operand of the other's {@code or} (or an {@code or} of flags each true only where the other is); a
 * flag defined as
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
        if (flag.equals(other)) {
            return true;
        }
        Optional<VariableSpec> condition = spec.variable(flag);
        Optional<VariableSpec> consequence = spec.variable(other);
        return condition.isPresent() && consequence.isPresent()
                && implies(new Expr.VariableValue(condition.get().at(), flag),
                        new Expr.VariableValue(consequence.get().at(), other), new HashSet<>());
    }

    /** True when every index event has exactly one of the two flags true (so their counts add up to the whole). */
    public boolean splitsWith(String flag, String other) {
        requireNonNull(flag, "flag is null");
        requireNonNull(other, "other is null");
        return negates(flag, other) || negates(other, flag);
    }

    /**
     * True when no index event has both flags true (so their counts of records add up to at most the count of a
     * whole both are part of): one requires what the other's {@code not} denies, or the two test one value in ways
     * no value passes both (values, ranges or prefixes that do not meet).
     */
    public boolean excludes(String flag, String other) {
        requireNonNull(flag, "flag is null");
        requireNonNull(other, "other is null");
        Optional<VariableSpec> one = spec.variable(flag);
        Optional<VariableSpec> two = spec.variable(other);
        return one.isPresent() && two.isPresent() && excludes(new Expr.VariableValue(one.get().at(), flag),
                new Expr.VariableValue(two.get().at(), other), new HashSet<>());
    }

    /**
     * True when {@code one} and {@code two} are never both true: a {@code not} is true only where its operand is not
     * (false, or blank), so nothing that requires the operand is true beside it.
     */
    private boolean excludes(Expr one, Expr two, Set<String> expanding) {
        if (one instanceof Expr.Test a && two instanceof Expr.Test b && testsExclude(a, b)) {
            return true;
        }
        if (one instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.NOT
                && implies(two, logic.operands().get(0), new HashSet<>())) {
            return true;
        }
        if (two instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.NOT
                && implies(one, logic.operands().get(0), new HashSet<>())) {
            return true;
        }
        for (Expr[] pair : List.of(new Expr[] {one, two}, new Expr[] {two, one})) {
            if (pair[0] instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.AND
                    && logic.operands().stream().anyMatch(o -> excludes(o, pair[1], expanding))) {
                return true;
            }
            if (pair[0] instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.OR
                    && logic.operands().stream().allMatch(o -> excludes(o, pair[1], expanding))) {
                return true;
            }
        }
        return expands(one, "one ", expanding, d -> excludes(d, two, expanding))
                || expands(two, "two ", expanding, d -> excludes(one, d, expanding));
    }

    /**
     * Two tests of one value that no value passes both: {@code in} or {@code equals} of values the other does not
     * pass, ranges of whole numbers or dates that do not meet ({@code at_least}, {@code at_most}, {@code after},
     * {@code before}), prefixes neither of which starts the other, or a test of a blank beside one of values.
     */
    private static boolean testsExclude(Expr.Test a, Expr.Test b) {
        if (!sameValue(a.subject(), b.subject())) {
            return false;
        }
        Optional<PassingValues> first = PassingValues.of(a);
        Optional<PassingValues> second = PassingValues.of(b);
        return first.isPresent() && second.isPresent() && PassingValues.disjoint(first.get(), second.get());
    }

    /**
     * Whether two subjects read the same value: the same field of the same row, the same fact of the person, or the
     * same variable (of the index event, as every flag's tests are).
     */
    private static boolean sameValue(Expr a, Expr b) {
        if (a instanceof Expr.FieldValue x && b instanceof Expr.FieldValue y) {
            return x.row() == y.row() && x.field().equals(y.field());
        }
        if (a instanceof Expr.VariableValue x && b instanceof Expr.VariableValue y) {
            return x.name().equals(y.name());
        }
        return a instanceof Expr.PersonValue x && b instanceof Expr.PersonValue y && x.attribute() == y.attribute();
    }

    private boolean negates(String flag, String other) {
        return spec.variable(flag).map(VariableSpec::definition)
                .filter(d -> d instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.NOT
                        && logic.operands().get(0) instanceof Expr.VariableValue v && v.name().equals(other))
                .isPresent() && neverBlank(other, new HashSet<>());
    }

    /**
     * True when {@code condition} is true only where {@code consequence} is, by the definitions' structure: an
     * {@code and} is true only where each operand is, an {@code or} only where some operand is. Tests are compared by
     * nothing but the variables that name them, so a relation this cannot show is not claimed.
     */
    private boolean implies(Expr condition, Expr consequence, Set<String> expanding) {
        if (condition instanceof Expr.VariableValue a && consequence instanceof Expr.VariableValue b
                && a.name().equals(b.name())) {
            return true;
        }
        if (condition instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.AND
                && logic.operands().stream().anyMatch(o -> implies(o, consequence, expanding))) {
            return true;
        }
        // True only where one of its operands is: each operand must bring the consequence.
        if (condition instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.OR
                && logic.operands().stream().allMatch(o -> implies(o, consequence, expanding))) {
            return true;
        }
        if (consequence instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.AND
                && logic.operands().stream().allMatch(o -> implies(condition, o, expanding))) {
            return true;
        }
        if (consequence instanceof Expr.Logic logic && logic.op() == Expr.LogicOp.OR
                && logic.operands().stream().anyMatch(o -> implies(condition, o, expanding))) {
            return true;
        }
        return expands(condition, "if ", expanding, d -> implies(d, consequence, expanding))
                || expands(consequence, "then ", expanding, d -> implies(condition, d, expanding));
    }

    /** Whether {@code test} holds of the definition of the flag {@code expr} names, if it names one. */
    private boolean expands(Expr expr, String side, Set<String> expanding, Predicate<Expr> test) {
        // The spec checker refuses cycles; the guard keeps a spec that was not checked from looping.
        if (!(expr instanceof Expr.VariableValue variable) || !expanding.add(side + variable.name())) {
            return false;
        }
        boolean holds = spec.variable(variable.name()).filter(v -> v.type() == ValueType.FLAG)
                .map(v -> test.test(v.definition())).orElse(false);
        expanding.remove(side + variable.name());
        return holds;
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
