package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The values a test of one value passes, as far as its written operands show, for telling two tests that no value
 * passes both. A test whose operands are not all written values, or whose reading is not certain, has none.
 */
sealed interface PassingValues {
    /** Characters a pattern gives a meaning of its own to: a prefix holding one is not read as written. */
    String PATTERN_CHARACTERS = "%_\\";

    /** Only these values ({@code in}, {@code equals}), compared as PostgreSQL compares them: equal when the same. */
    record Points(Set<Object> values) implements PassingValues {
        public Points {
            values = Set.copyOf(requireNonNull(values, "values is null"));
        }
    }

    /**
     * The whole numbers, or the dates (as days since 1970), from {@code low} to {@code high}: every value the
     * language orders ({@code days}, {@code count}, ages, dates) is whole, so a strict bound is the next one in.
     */
    record Range(Ordered kind, long low, long high) implements PassingValues {
        public Range {
            requireNonNull(kind, "kind is null");
        }
    }

    /** The texts that start with one of these prefixes ({@code starts_with}). */
    record Prefixes(Set<String> prefixes) implements PassingValues {
        public Prefixes {
            prefixes = Set.copyOf(requireNonNull(prefixes, "prefixes is null"));
        }
    }

    /** Only a blank ({@code is_null: true}); every other test passes only values. */
    record Blank() implements PassingValues {
    }

    /** What a range orders. */
    enum Ordered { NUMBER, DATE }

    static Optional<PassingValues> of(Expr.Test test) {
        if (!test.operands().stream().allMatch(o -> o instanceof Expr.Literal)) {
            return Optional.empty();
        }
        Set<Object> written = new HashSet<>();
        test.operands().forEach(o -> written.add(((Expr.Literal) o).value()));
        Object first = ((Expr.Literal) test.operands().get(0)).value();
        return switch (test.op()) {
            case IN, EQUALS -> Optional.of(new Points(written));
            case IS_NULL -> Boolean.TRUE.equals(first) ? Optional.of(new Blank()) : Optional.empty();
            case STARTS_WITH -> written.stream().allMatch(p -> p instanceof String s
                    && s.chars().noneMatch(c -> PATTERN_CHARACTERS.indexOf(c) >= 0))
                    ? Optional.of(new Prefixes(Set.copyOf(written.stream().map(String.class::cast).toList())))
                    : Optional.empty();
            case AT_LEAST -> bound(first).map(b -> new Range(b.kind(), b.value(), Long.MAX_VALUE));
            case AFTER -> bound(first).filter(b -> b.value() < Long.MAX_VALUE)
                    .map(b -> new Range(b.kind(), b.value() + 1, Long.MAX_VALUE));
            case AT_MOST -> bound(first).map(b -> new Range(b.kind(), Long.MIN_VALUE, b.value()));
            case BEFORE -> bound(first).filter(b -> b.value() > Long.MIN_VALUE)
                    .map(b -> new Range(b.kind(), Long.MIN_VALUE, b.value() - 1));
            case NOT_IN, NOT_EQUALS, NOT_STARTS_WITH -> Optional.empty();
        };
    }

    /** True when no value passes both: neither can hold where the other does. */
    static boolean disjoint(PassingValues one, PassingValues two) {
        if (one instanceof Blank || two instanceof Blank) {
            return !(one instanceof Blank && two instanceof Blank);
        }
        if (one instanceof Points a && two instanceof Points b) {
            Set<Class<?>> types = new HashSet<>();
            a.values().forEach(v -> types.add(v.getClass()));
            b.values().forEach(v -> types.add(v.getClass()));
            return types.size() == 1 && a.values().stream().noneMatch(b.values()::contains);
        }
        if (one instanceof Range a && two instanceof Range b) {
            return a.kind() == b.kind() && (a.high() < b.low() || b.high() < a.low());
        }
        if (one instanceof Prefixes a && two instanceof Prefixes b) {
            return a.prefixes().stream().noneMatch(p -> b.prefixes().stream()
                    .anyMatch(q -> p.startsWith(q) || q.startsWith(p)));
        }
        if (two instanceof Points) {
            return disjoint(two, one);
        }
        if (one instanceof Points a && two instanceof Range b) {
            return a.values().stream().allMatch(v -> bound(v)
                    .filter(p -> p.kind() == b.kind() && (p.value() < b.low() || p.value() > b.high())).isPresent());
        }
        if (one instanceof Points a && two instanceof Prefixes b) {
            return a.values().stream().allMatch(v -> v instanceof String s
                    && b.prefixes().stream().noneMatch(s::startsWith));
        }
        // A range of numbers or dates and prefixes of text test values of different kinds: not claimed.
        return false;
    }

    /** A written number or date as a point on its line. */
    private static Optional<Bound> bound(Object value) {
        if (value instanceof Long number) {
            return Optional.of(new Bound(Ordered.NUMBER, number));
        }
        if (value instanceof LocalDate date) {
            return Optional.of(new Bound(Ordered.DATE, date.toEpochDay()));
        }
        return Optional.empty();
    }

    /** A point of a range's line. */
    record Bound(Ordered kind, long value) {
        public Bound {
            requireNonNull(kind, "kind is null");
        }
    }
}
