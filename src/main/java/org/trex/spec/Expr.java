package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One part of a variable's definition, as written in a spec or definitions file. Each part knows where it
 * was written; the checker types it against the source catalog and the compiler turns it into jOOQ.
 */
public sealed interface Expr {
    /** Where this part was written. */
    Position at();

    /** A value written in the definition: text (a code), a whole number, true or false, or a date. */
    record Literal(Position at, Object value) implements Expr {
        public Literal {
            requireNonNull(at, "at is null");
            requireNonNull(value, "value is null");
            if (!(value instanceof String || value instanceof Long || value instanceof Boolean
                    || value instanceof LocalDate)) {
                throw new IllegalArgumentException("Cannot use literal of " + value.getClass().getSimpleName());
            }
        }
    }

    /**
     * A field of the row in hand ({@code field:}: the event inside an events query, else the index event) or of the
     * index event.
     */
    record FieldValue(Position at, Row row, String field) implements Expr {
        public FieldValue {
            requireNonNull(at, "at is null");
            requireNonNull(row, "row is null");
            requireNonNull(field, "field is null");
        }
    }

    /** Which row a field is read from. */
    enum Row { CURRENT, INDEX }

    /** Another variable's value for the same index event. */
    record VariableValue(Position at, String name) implements Expr {
        public VariableValue {
            requireNonNull(at, "at is null");
            requireNonNull(name, "name is null");
        }
    }

    /** Something about the index event's person: age at the index date, sex, date of death. */
    record PersonValue(Position at, PersonAttribute attribute) implements Expr {
        public PersonValue {
            requireNonNull(at, "at is null");
            requireNonNull(attribute, "attribute is null");
        }
    }

    /** What a person variable reads. */
    enum PersonAttribute {
        AGE("age"), SEX("sex"), DATE_OF_DEATH("date_of_death");

        private final String yamlName;

        PersonAttribute(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** The first or last day of the cohort's window (the reporting period). */
    record PeriodValue(Position at, PeriodBound bound) implements Expr {
        public PeriodValue {
            requireNonNull(at, "at is null");
            requireNonNull(bound, "bound is null");
        }
    }

    /** Which end of the reporting period. */
    enum PeriodBound {
        START("start"), END("end");

        private final String yamlName;

        PeriodBound(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** The start or end of the episode being linked (only inside a link's index conditions). */
    record EpisodeValue(Position at, PeriodBound bound) implements Expr {
        public EpisodeValue {
            requireNonNull(at, "at is null");
            requireNonNull(bound, "bound is null");
        }
    }

    /** A test of a value: {@code {field: x, in: [...]}}; the result is a flag. */
    record Test(Position at, Expr subject, TestOp op, List<Expr> operands) implements Expr {
        public Test {
            requireNonNull(at, "at is null");
            requireNonNull(subject, "subject is null");
            requireNonNull(op, "op is null");
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
        }
    }

    /** The tests a value can take. */
    enum TestOp {
        IN("in", "is one of"), NOT_IN("not_in", "is none of"), EQUALS("equals", "is"),
        NOT_EQUALS("not_equals", "is not"),
        IS_NULL("is_null", "is blank"), STARTS_WITH("starts_with", "starts with one of"),
        NOT_STARTS_WITH("not_starts_with", "starts with none of"), AT_LEAST("at_least", "is at least"),
        AT_MOST("at_most", "is at most"), AFTER("after", "is after"), BEFORE("before", "is before");

        private final String yamlName;
        private final String words;

        TestOp(String yamlName, String words) {
            this.yamlName = yamlName;
            this.words = words;
        }

        public String yamlName() {
            return yamlName;
        }

        public String words() {
            return words;
        }

        /** Whether the operand is a list of values. */
        public boolean takesList() {
            return this == IN || this == NOT_IN || this == STARTS_WITH || this == NOT_STARTS_WITH;
        }

        /** Whether the test orders its subject against an operand. */
        public boolean compares() {
            return this == AT_LEAST || this == AT_MOST || this == AFTER || this == BEFORE;
        }
    }

    /** and / or over flags, or not of one flag. */
    record Logic(Position at, LogicOp op, List<Expr> operands) implements Expr {
        public Logic {
            requireNonNull(at, "at is null");
            requireNonNull(op, "op is null");
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
            if (operands.isEmpty() || (op == LogicOp.NOT && operands.size() != 1)) {
                throw new IllegalArgumentException("Cannot use " + op.yamlName() + " with " + operands.size()
                        + " operands");
            }
        }
    }

    /** The logical operators. */
    enum LogicOp {
        AND("and"), OR("or"), NOT("not");

        private final String yamlName;

        LogicOp(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** A date moved by a number of days ({@code plus_days}, or {@code minus_days} as a negative number). */
    record ShiftDays(Position at, Expr date, int days) implements Expr {
        public ShiftDays {
            requireNonNull(at, "at is null");
            requireNonNull(date, "date is null");
        }
    }

    /** The days from one date to another: {@code to - from}. */
    record DaysBetween(Position at, Expr from, Expr to) implements Expr {
        public DaysBetween {
            requireNonNull(at, "at is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    /** The first of its operands that is not blank. */
    record FirstPresent(Position at, List<Expr> operands) implements Expr {
        public FirstPresent {
            requireNonNull(at, "at is null");
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
            if (operands.size() < 2) {
                throw new IllegalArgumentException("Cannot use first_present with fewer than 2 values");
            }
        }
    }

    /** case / when banding: the value of the first true condition, else {@code otherwise} (blank when none). */
    record Case(Position at, List<When> whens, Optional<Expr> otherwise) implements Expr {
        public Case {
            requireNonNull(at, "at is null");
            whens = List.copyOf(requireNonNull(whens, "whens is null"));
            requireNonNull(otherwise, "otherwise is null");
            if (whens.isEmpty()) {
                throw new IllegalArgumentException("Cannot use case without a when");
            }
        }
    }

    /** One branch of a case. */
    record When(Expr condition, Expr then) {
        public When {
            requireNonNull(condition, "condition is null");
            requireNonNull(then, "then is null");
        }
    }

    /**
     * A summary of the index person's events in a dataset (linked by normalised NHS number), filtered by
     * conditions and an optional window: exists, count, first / last by a date, min / max of a field.
     */
    record Events(Position at, EventsOp op, String dataset, List<Expr> where, Optional<Window> window,
            Optional<String> value, Optional<String> by) implements Expr {
        public Events {
            requireNonNull(at, "at is null");
            requireNonNull(op, "op is null");
            requireNonNull(dataset, "dataset is null");
            where = List.copyOf(requireNonNull(where, "where is null"));
            requireNonNull(window, "window is null");
            requireNonNull(value, "value is null");
            requireNonNull(by, "by is null");
        }
    }

    /** What an events query gives. */
    enum EventsOp {
        EXISTS("exists"), COUNT("count"), FIRST("first"), LAST("last"), MIN("min"), MAX("max");

        private final String yamlName;

        EventsOp(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        /** Whether the query names the field it gives ({@code value:}). */
        public boolean givesField() {
            return this != EXISTS && this != COUNT;
        }
    }

    /**
     * Events whose date ({@code field}, else the dataset's event date) falls from {@code fromDays} to
     * {@code toDays} days after {@code of} (else the index date), both ends included.
     */
    record Window(Position at, int fromDays, int toDays, Optional<String> field, Optional<Expr> of) {
        public Window {
            requireNonNull(at, "at is null");
            requireNonNull(field, "field is null");
            requireNonNull(of, "of is null");
            if (toDays < fromDays) {
                throw new IllegalArgumentException("Cannot use window " + fromDays + " to " + toDays
                        + " days: it ends before it starts");
            }
        }
    }

    /**
     * A person's events merged into episodes: ordered by start, an event starting no more than
     * {@code joinWithinDays} days after the latest end so far (a blank end: still open) joins the episode.
     */
    record Episodes(Position at, String dataset, List<Expr> where, String start, String end, int joinWithinDays) {
        public Episodes {
            requireNonNull(at, "at is null");
            requireNonNull(dataset, "dataset is null");
            where = List.copyOf(requireNonNull(where, "where is null"));
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
            if (joinWithinDays < 0) {
                throw new IllegalArgumentException("Cannot join episodes within " + joinWithinDays
                        + " days: it must be 0 or more");
            }
        }
    }

    /**
     * Episodes linked to index events: each episode of the person is linked to the latest (or first) of the
     * person's index events in the cohort dated {@code fromDays} to {@code toDays} days from the episode's
     * start and meeting {@code indexWhere}; the variable gives, for each index event, whether any episode is
     * linked to it, how many, or the start or end of the first one.
     */
    record LinkedEpisodes(Position at, Episodes episodes, LinkChoice link, int fromDays, int toDays,
            List<Expr> indexWhere, LinkedValue value) implements Expr {
        public LinkedEpisodes {
            requireNonNull(at, "at is null");
            requireNonNull(episodes, "episodes is null");
            requireNonNull(link, "link is null");
            indexWhere = List.copyOf(requireNonNull(indexWhere, "indexWhere is null"));
            requireNonNull(value, "value is null");
            if (toDays < fromDays) {
                throw new IllegalArgumentException("Cannot link within " + fromDays + " to " + toDays
                        + " days: it ends before it starts");
            }
        }
    }

    /** Which index event an episode links to. */
    enum LinkChoice {
        LATEST("latest"), FIRST("first");

        private final String yamlName;

        LinkChoice(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** What a link gives for an index event. */
    enum LinkedValue {
        EXISTS("exists"), COUNT("count"), START("start"), END("end");

        private final String yamlName;

        LinkedValue(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }
}
