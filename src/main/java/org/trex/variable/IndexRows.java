package org.trex.variable;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;

import java.time.LocalDate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.trex.source.SourceCatalog;
import org.trex.source.SourceDataset;
import org.trex.source.SourceField;
import org.trex.spec.CohortSpec;
import org.trex.spec.Expr;
import org.trex.spec.ExtractSpec;
import org.trex.spec.FieldCategory;
import org.trex.spec.Position;
import org.trex.spec.VariableSpec;

/**
 * The index events of a spec as one jOOQ table expression, with the variables a query asks for compiled onto
 * it: each events summary a left lateral join (one aggregate per index event, using the link-key index), each
 * link of episodes a left join to a derived table built once for everybody with window functions. Variables
 * are compiled as they are asked for, so {@link #from()} comes last. Builds SQL only: no connection.
 */
public final class IndexRows {
    /** A date after every real one: an open episode's end while episodes are merged (as the reference does). */
    static final LocalDate OPEN_END = LocalDate.of(9999, 1, 1);

    private final ExtractSpec spec;
    private final SourceCatalog catalog;
    private final Param<LocalDate> asOf;
    private final SourceDataset index;
    private final String prefix;
    private final Map<String, Field<?>> compiled = new HashMap<>();
    private final Naming naming;
    private Table<?> from;

    /** What a part of a definition reads from: the row in hand, the index event, the episode being linked. */
    private record Row(SourceDataset current, SourceDataset index, Optional<Field<LocalDate>> episodeStart,
            Optional<Field<LocalDate>> episodeEnd) {
    }

    /** Unique aliases across one query, however deeply links nest their own index rows. */
    private static final class Naming {
        private int next;

        String next(String kind) {
            return kind + "_" + (++next);
        }
    }

    private IndexRows(ExtractSpec spec, SourceCatalog catalog, Param<LocalDate> asOf, SourceDataset index,
            String prefix, Naming naming) {
        this.spec = spec;
        this.catalog = catalog;
        this.asOf = asOf;
        this.index = index;
        this.prefix = prefix;
        this.naming = naming;
        this.from = index.from();
    }

    /** The index events of a validated spec, read from the index dataset's own tables (not renamed). */
    public static IndexRows of(ExtractSpec spec, SourceCatalog catalog, Param<LocalDate> asOf) {
        requireNonNull(spec, "spec is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(asOf, "asOf is null");
        return new IndexRows(spec, catalog, asOf, catalog.indexSource(spec.cohort().indexEvent()), "", new Naming());
    }

    /** The index dataset these rows come from. */
    public SourceDataset index() {
        return index;
    }

    /** The date of each index event. */
    @SuppressWarnings("unchecked")
    public Field<LocalDate> indexDate() {
        return (Field<LocalDate>) index.requireField(SourceCatalog.indexDateField(spec.cohort().indexEvent()))
                .expression();
    }

    /** The index dataset's tables joined with everything the fields asked for so far need. */
    public Table<?> from() {
        return from;
    }

    /** A variable of the spec, else a field of the index dataset. */
    public Field<?> field(String name) {
        Optional<VariableSpec> variable = spec.variable(name);
        if (variable.isEmpty()) {
            return index.requireField(name).expression();
        }
        Field<?> done = compiled.get(name);
        if (done == null) {
            done = compile(variable.get().definition(), new Row(index, index, Optional.empty(), Optional.empty()));
            compiled.put(name, done);
        }
        return done;
    }

    /** The category of a variable or index field, which decides the forms it may take. */
    public FieldCategory category(String name) {
        return spec.variable(name).map(v -> v.type().category())
                .orElseGet(() -> index.requireField(name).descriptor().category());
    }

    /** Whether the index event is in the cohort: its window, as-of date, ages, conditions and social care. */
    public Condition cohort() {
        CohortSpec cohort = spec.cohort();
        Field<LocalDate> date = indexDate();
        Condition condition = date.between(inline(cohort.from()), inline(cohort.to())).and(date.le(asOf));
        @SuppressWarnings("unchecked")
        Field<LocalDate> born = (Field<LocalDate>) index.requireField("date_of_birth").expression();
        if (cohort.minAge().isPresent()) {
            condition = condition.and(SourceCatalog.agedAtLeast(born, date, cohort.minAge().getAsInt()));
        }
        if (cohort.maxAge().isPresent()) {
            condition = condition.and(not(SourceCatalog.agedAtLeast(born, date, cohort.maxAge().getAsInt() + 1)));
        }
        for (org.trex.spec.Condition c : cohort.conditions()) {
            condition = condition.and(valueIn(c.field(), c.values()));
        }
        return switch (cohort.socialCareAtIndex()) {
            case ANY -> condition;
            case WITH -> condition.and(serviceRunningOnIndexDate());
            case WITHOUT -> condition.and(not(serviceRunningOnIndexDate()));
        };
    }

    /**
     * The cohort's {@code social_care_at_index}: a social care service of the person running on the index date,
     * written in the language itself so that it compiles like any variable.
     */
    private Condition serviceRunningOnIndexDate() {
        Position builtIn = new Position(Path.of("social_care_at_index"), 0, 0);
        Expr indexDay = new Expr.FieldValue(builtIn, Expr.Row.INDEX,
                SourceCatalog.indexDateField(spec.cohort().indexEvent()));
        Expr end = new Expr.FieldValue(builtIn, Expr.Row.CURRENT, "event_end_date");
        Expr running = new Expr.Events(builtIn, Expr.EventsOp.EXISTS, "social_care_event", List.of(
                new Expr.Test(builtIn, new Expr.FieldValue(builtIn, Expr.Row.CURRENT, "event_type"), Expr.TestOp.EQUALS,
                        List.of(new Expr.Literal(builtIn, "Service"))),
                new Expr.Test(builtIn, new Expr.FieldValue(builtIn, Expr.Row.CURRENT, "event_start_date"),
                        Expr.TestOp.AT_MOST, List.of(indexDay)),
                new Expr.Logic(builtIn, Expr.LogicOp.OR, List.of(
                        new Expr.Test(builtIn, end, Expr.TestOp.IS_NULL, List.of(new Expr.Literal(builtIn, true))),
                        new Expr.Test(builtIn, end, Expr.TestOp.AT_LEAST, List.of(indexDay))))),
                Optional.empty(), Optional.empty(), Optional.empty());
        return condition(running, new Row(index, index, Optional.empty(), Optional.empty()));
    }

    @SuppressWarnings("unchecked")
    private Condition valueIn(String name, List<String> values) {
        Field<?> field = field(name);
        if (category(name) == FieldCategory.FLAG) {
            List<Boolean> flags = values.stream().map(v -> switch (v) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("Cannot compare flag " + name + " with '" + v
                        + "': expected true or false");
            }).toList();
            return ((Field<Boolean>) field).in(flags);
        }
        if (category(name) != FieldCategory.CODE || field.getType() != String.class) {
            throw new IllegalArgumentException("Cannot use a condition on " + name
                    + ": conditions take code or flag fields, it is " + category(name).yamlName());
        }
        return ((Field<String>) field).in(values);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Field<?> compile(Expr expr, Row row) {
        if (expr instanceof Expr.Literal literal) {
            return val(literal.value());
        } else if (expr instanceof Expr.FieldValue value) {
            SourceDataset dataset = value.row() == Expr.Row.INDEX ? row.index() : row.current();
            return dataset.requireField(value.field()).expression();
        } else if (expr instanceof Expr.VariableValue variable) {
            return field(variable.name());
        } else if (expr instanceof Expr.PersonValue person) {
            return person(person, row);
        } else if (expr instanceof Expr.PeriodValue period) {
            return val(period.bound() == Expr.PeriodBound.START ? spec.cohort().from() : spec.cohort().to());
        } else if (expr instanceof Expr.EpisodeValue episode) {
            return (episode.bound() == Expr.PeriodBound.START ? row.episodeStart() : row.episodeEnd()).orElseThrow();
        } else if (expr instanceof Expr.Test || expr instanceof Expr.Logic) {
            return DSL.field(condition(expr, row));
        } else if (expr instanceof Expr.ShiftDays shift) {
            return ((Field<LocalDate>) compile(shift.date(), row)).plus(inline(shift.days()));
        } else if (expr instanceof Expr.DaysBetween between) {
            return localDateDiff((Field<LocalDate>) compile(between.to(), row),
                    (Field<LocalDate>) compile(between.from(), row));
        } else if (expr instanceof Expr.FirstPresent first) {
            Field<Object> result = (Field<Object>) compile(first.operands().get(0), row);
            for (Expr operand : first.operands().subList(1, first.operands().size())) {
                result = DSL.when(result.isNotNull(), result).else_((Field<Object>) compile(operand, row));
            }
            return result;
        } else if (expr instanceof Expr.Case branches) {
            CaseConditionStep<Object> step = null;
            for (Expr.When when : branches.whens()) {
                Condition condition = condition(when.condition(), row);
                Field<Object> then = (Field<Object>) compile(when.then(), row);
                step = step == null ? DSL.when(condition, then) : step.when(condition, then);
            }
            return branches.otherwise().isPresent()
                    ? step.else_((Field<Object>) compile(branches.otherwise().get(), row)) : step;
        } else if (expr instanceof Expr.Events events) {
            return events(events, row);
        } else if (expr instanceof Expr.LinkedEpisodes link) {
            return EpisodeLinks.link(this, link);
        }
        throw new IllegalStateException("Cannot compile " + expr.getClass().getSimpleName());
    }

    /**
     * A flag as a condition. Logic is two-valued: a test on a blank value is false (so {@code not_in} leaves
     * blanks out, as SQL's NOT IN does in a WHERE clause, and {@code not} of such a test is true).
     */
    @SuppressWarnings("unchecked")
    private Condition condition(Expr expr, Row row) {
        if (expr instanceof Expr.Test test) {
            return DSL.condition(coalesce(DSL.field(test(test, row)), inline(false)));
        }
        if (expr instanceof Expr.Logic logic) {
            List<Condition> operands = logic.operands().stream().map(o -> condition(o, row)).toList();
            return switch (logic.op()) {
                case AND -> DSL.and(operands);
                case OR -> or(operands);
                case NOT -> not(operands.get(0));
            };
        }
        return DSL.condition((Field<Boolean>) compile(expr, row));
    }

    /** A link's conditions on a candidate index event, which may name the episode's start and end. */
    Condition linkCondition(Expr expr, Field<LocalDate> episodeStart, Field<LocalDate> episodeEnd) {
        return condition(expr, new Row(index, index, Optional.of(episodeStart), Optional.of(episodeEnd)));
    }

    /** A condition on the rows of a dataset read on their own (episodes: no index event in sight). */
    Condition rowCondition(Expr expr, SourceDataset dataset) {
        return condition(expr, new Row(dataset, index, Optional.empty(), Optional.empty()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Condition test(Expr.Test test, Row row) {
        Field subject = compile(test.subject(), row);
        List<Field<Object>> operands = test.operands().stream().map(o -> (Field<Object>) compile(o, row)).toList();
        return switch (test.op()) {
            case IN -> subject.in(operands);
            case NOT_IN -> subject.notIn(operands);
            case EQUALS -> subject.eq(operands.get(0));
            case NOT_EQUALS -> subject.ne(operands.get(0));
            case IS_NULL -> Boolean.TRUE.equals(((Expr.Literal) test.operands().get(0)).value()) ? subject.isNull()
                    : subject.isNotNull();
            case STARTS_WITH -> or(operands.stream().map(o -> subject.startsWith(o)).toList());
            case NOT_STARTS_WITH -> not(or(operands.stream().map(o -> subject.startsWith(o)).toList()));
            case AT_LEAST -> subject.ge(operands.get(0));
            case AT_MOST -> subject.le(operands.get(0));
            case AFTER -> subject.gt(operands.get(0));
            case BEFORE -> subject.lt(operands.get(0));
        };
    }

    @SuppressWarnings("unchecked")
    private Field<?> person(Expr.PersonValue person, Row row) {
        return switch (person.attribute()) {
            case AGE -> Ages.wholeYears((Field<LocalDate>) row.index().requireField("date_of_birth").expression(),
                    indexDate());
            case SEX -> row.index().requireField("sex").expression();
            case DATE_OF_DEATH -> events(new Expr.Events(person.at(), Expr.EventsOp.MAX, "social_care_person",
                    List.of(), Optional.empty(), Optional.of("date_of_death"), Optional.empty()), row);
        };
    }

    /** An events summary as a left lateral join: the aggregate of the index person's matching events. */
    @SuppressWarnings("unchecked")
    private Field<?> events(Expr.Events events, Row row) {
        SourceDataset dataset = catalog.source(events.dataset(), prefix + naming.next("ev"));
        Row inside = new Row(dataset, row.index(), Optional.empty(), Optional.empty());
        Condition where = SourceCatalog.linkKey(dataset.nhsNumber()).eq(SourceCatalog.linkKey(row.index().nhsNumber()));
        for (Expr condition : events.where()) {
            where = where.and(condition(condition, inside));
        }
        if (dataset.eventDate().isPresent()) {
            where = where.and(dataset.eventDate().get().le(asOf));
        }
        if (events.window().isPresent()) {
            Expr.Window window = events.window().get();
            Field<LocalDate> date = window.field().map(f -> (Field<LocalDate>) dataset.requireField(f).expression())
                    .orElseGet(() -> dataset.eventDate().orElseThrow());
            Field<LocalDate> of = window.of().map(o -> (Field<LocalDate>) compile(o, row)).orElseGet(this::indexDate);
            where = where.and(date.between(of.plus(inline(window.fromDays())), of.plus(inline(window.toDays()))));
        }
        String alias = prefix + naming.next("v");
        Field<?> value = events.value().map(v -> dataset.requireField(v).expression()).orElse(null);
        Table<?> summary = switch (events.op()) {
            case EXISTS -> select(inline(1).as("v")).from(dataset.from()).where(where).limit(inline(1)).asTable(alias);
            case COUNT -> select(count().as("v")).from(dataset.from()).where(where).asTable(alias);
            case MIN -> select(min(value).as("v")).from(dataset.from()).where(where).asTable(alias);
            case MAX -> select(max(value).as("v")).from(dataset.from()).where(where).asTable(alias);
            case FIRST, LAST -> {
                Field<LocalDate> by = events.by().map(b -> (Field<LocalDate>) dataset.requireField(b).expression())
                        .orElseGet(() -> dataset.eventDate().orElseThrow());
                boolean first = events.op() == Expr.EventsOp.FIRST;
                List<SortField<?>> order = List.of(first ? by.asc().nullsLast() : by.desc().nullsLast(),
                        first ? dataset.rowId().asc() : dataset.rowId().desc());
                yield select(value.as("v")).from(dataset.from()).where(where).orderBy(order).limit(inline(1))
                        .asTable(alias);
            }
        };
        from = from.leftJoin(lateral(summary)).on(trueCondition());
        Field<?> result = summary.field("v");
        return events.op() == Expr.EventsOp.EXISTS ? DSL.field(result.isNotNull()) : result;
    }

    /** Index rows over renamed tables, for a link's own reading of the cohort. */
    IndexRows renamed() {
        String alias = prefix + naming.next("ix");
        SourceDataset renamed = catalog.source(index.name(), alias);
        return new IndexRows(spec, catalog, asOf, renamed, alias + "_", naming);
    }

    SourceCatalog catalog() {
        return catalog;
    }

    Param<LocalDate> asOf() {
        return asOf;
    }

    String name(String kind) {
        return prefix + naming.next(kind);
    }

    /** Joins a derived table of link results to these rows by the index row ID. */
    void join(Table<?> linked, Field<Long> rowId) {
        from = from.leftJoin(linked).on(rowId.eq(index.rowId()));
    }

}
