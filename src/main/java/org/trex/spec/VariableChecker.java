package org.trex.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trex.spec.Expr.TestOp;

/**
 * Checks a spec's variables against the source catalog before anything is compiled: every dataset and field
 * exists, every part has the type its place needs, windows sit on datasets with a date, and no variable
 * depends on itself. Problems are reported where the part was written (the spec or an imported file).
 */
final class VariableChecker {
    /** What a part of a definition may refer to where it stands. */
    private record Scope(DatasetDescriptor row, boolean index, boolean variables, boolean episode, boolean events) {
    }

    private final ExtractSpec spec;
    private final DatasetCatalog catalog;
    private final DatasetDescriptor indexDataset;
    private final List<SpecProblem> problems;
    private final Map<String, VariableSpec> byName = new HashMap<>();

    private VariableChecker(ExtractSpec spec, DatasetCatalog catalog, List<SpecProblem> problems) {
        this.spec = spec;
        this.catalog = catalog;
        this.indexDataset = catalog.indexDataset(spec.cohort().indexEvent());
        this.problems = problems;
        spec.variables().forEach(v -> byName.put(v.name(), v));
    }

    /** Adds every problem of the spec's variables to {@code problems}. */
    static void check(ExtractSpec spec, DatasetCatalog catalog, List<SpecProblem> problems) {
        VariableChecker checker = new VariableChecker(spec, catalog, problems);
        for (VariableSpec variable : spec.variables()) {
            checker.checkVariable(variable);
        }
        VariableDependencies.checkCycles(spec, problems);
    }

    private void checkVariable(VariableSpec variable) {
        ValueType found = type(variable.definition(), new Scope(indexDataset, true, true, false, true));
        if (found != null && !variable.type().accepts(found)) {
            report(variable.at(), "Cannot define variable " + variable.name() + " as " + variable.type().yamlName()
                    + ": its definition gives " + found.yamlName() + ", expected type: " + found.yamlName());
        }
    }

    private ValueType type(Expr expr, Scope scope) {
        if (expr instanceof Expr.Literal literal) {
            return literalType(literal);
        } else if (expr instanceof Expr.FieldValue field) {
            DatasetDescriptor dataset = field.row() == Expr.Row.INDEX ? indexDataset : scope.row();
            if (field.row() == Expr.Row.INDEX && !scope.index()) {
                return report(field.at(), "Cannot use index field " + field.field()
                        + " here: episodes belong to the person,"
                        + " not to one index event, expected a field of " + scope.row().name());
            }
            return fieldType(field.at(), dataset, field.field());
        } else if (expr instanceof Expr.VariableValue variable) {
            if (!scope.variables()) {
                return report(variable.at(), "Cannot use variable " + variable.name()
                        + " here: episodes and their links"
                        + " are computed for all index events at once, expected fields and values");
            }
            VariableSpec target = byName.get(variable.name());
            if (target == null) {
                return report(variable.at(), "Cannot find variable " + variable.name()
                        + ": the spec and its imports define " + byName.keySet().stream().sorted().toList());
            }
            return target.type();
        } else if (expr instanceof Expr.PersonValue person) {
            return switch (person.attribute()) {
                case AGE -> ValueType.COUNT;
                case SEX -> ValueType.CODE;
                case DATE_OF_DEATH -> ValueType.DATE;
            };
        } else if (expr instanceof Expr.PeriodValue) {
            return ValueType.DATE;
        } else if (expr instanceof Expr.EpisodeValue episode) {
            return scope.episode() ? ValueType.DATE
                    : report(episode.at(), "Cannot use episode: " + episode.bound().yamlName()
                    + " here: it names the episode being linked, expected it only in a link's index_where");
        } else if (expr instanceof Expr.Test test) {
            return testType(test, scope);
        } else if (expr instanceof Expr.Logic logic) {
            boolean fine = true;
            for (Expr operand : logic.operands()) {
                fine &= expect(operand, scope, ValueType.FLAG, logic.op().yamlName());
            }
            return fine ? ValueType.FLAG : null;
        } else if (expr instanceof Expr.ShiftDays shift) {
            return expect(shift.date(), scope, ValueType.DATE, "plus_days") ? ValueType.DATE : null;
        } else if (expr instanceof Expr.DaysBetween between) {
            boolean fine = expect(between.from(), scope, ValueType.DATE, "days_between");
            fine &= expect(between.to(), scope, ValueType.DATE, "days_between");
            return fine ? ValueType.DAYS : null;
        } else if (expr instanceof Expr.FirstPresent first) {
            return common(first.operands(), scope, "first_present");
        } else if (expr instanceof Expr.Case branches) {
            List<Expr> values = new ArrayList<>();
            boolean fine = true;
            for (Expr.When when : branches.whens()) {
                fine &= expect(when.condition(), scope, ValueType.FLAG, "when");
                values.add(when.then());
            }
            branches.otherwise().ifPresent(values::add);
            ValueType result = common(values, scope, "case");
            return fine ? result : null;
        } else if (expr instanceof Expr.Events events) {
            return eventsType(events, scope);
        } else if (expr instanceof Expr.LinkedEpisodes link) {
            return linkType(link, scope);
        }
        throw new IllegalStateException("Cannot type " + expr.getClass().getSimpleName());
    }

    private ValueType testType(Expr.Test test, Scope scope) {
        ValueType subject = type(test.subject(), scope);
        if (subject == null) {
            return null;
        }
        TestOp op = test.op();
        if (op == TestOp.IS_NULL) {
            return ValueType.FLAG;
        }
        String what = "test " + op.yamlName() + " on " + describe(test.subject());
        if (subject == ValueType.PERSONAL) {
            return report(test.at(), "Cannot " + what
                    + ": it is an identifier or personal detail, expected only is_null");
        }
        if ((op == TestOp.STARTS_WITH || op == TestOp.NOT_STARTS_WITH) && subject != ValueType.CODE) {
            return report(test.at(), "Cannot " + what + ": it is " + subject.yamlName() + ", expected a code");
        }
        if (op.compares() && !subject.ordered()) {
            return report(test.at(), "Cannot " + what + ": a " + subject.yamlName()
                    + " has no order, expected days, a date,"
                    + " a count or an amount");
        }
        boolean fine = true;
        for (Expr operand : test.operands()) {
            if (op.takesList() && !(operand instanceof Expr.Literal)) {
                report(operand.at(), "Cannot " + what + ": its list holds " + describe(operand) + ", expected values");
                fine = false;
                continue;
            }
            fine &= expect(operand, scope, subject, op.yamlName());
        }
        if (fine && test.subject() instanceof Expr.FieldValue field) {
            DatasetDescriptor dataset = field.row() == Expr.Row.INDEX ? indexDataset : scope.row();
            dataset.field(field.field()).ifPresent(descriptor -> checkCodes(test, descriptor));
        }
        return fine ? ValueType.FLAG : null;
    }

    /**
     * A test of a field with national codes against a value it never holds is refused: a misspelt code would
     * otherwise pass, and plan a cohort that is empty, or a variable that is never (or always) true.
     */
    private void checkCodes(Expr.Test test, FieldDescriptor field) {
        boolean prefix = test.op() == TestOp.STARTS_WITH || test.op() == TestOp.NOT_STARTS_WITH;
        for (Expr operand : test.operands()) {
            if (!(operand instanceof Expr.Literal literal) || !(literal.value() instanceof String value)) {
                continue;
            }
            if (prefix && !field.codes().isEmpty() && field.codes().stream().noneMatch(c -> c.startsWith(value))) {
                report(operand.at(), "Cannot use '" + value + "' for " + field.name()
                        + ": none of its codes starts with it, expected the start of one of " + field.codes());
            } else if (!prefix && !field.holds(value)) {
                report(operand.at(), notOneOfItsCodes(field, value));
            }
        }
    }

    /** The problem of a value a field with national codes never holds. */
    static String notOneOfItsCodes(FieldDescriptor field, String value) {
        return "Cannot use '" + value + "' for " + field.name() + ": it is not one of its codes, expected one of "
                + field.codes();
    }

    private ValueType eventsType(Expr.Events events, Scope scope) {
        if (!scope.events()) {
            return report(events.at(), "Cannot use " + events.op().yamlName() + " here: events queries do not nest,"
                    + " expected it as a variable's definition or in its expressions; define a variable and use var:");
        }
        Optional<DatasetDescriptor> found = dataset(events.at(), events.dataset());
        if (found.isEmpty()) {
            return null;
        }
        DatasetDescriptor dataset = found.get();
        Scope inside = new Scope(dataset, true, true, false, false);
        boolean fine = true;
        for (Expr condition : events.where()) {
            fine &= expect(condition, inside, ValueType.FLAG, "where");
        }
        if (events.window().isPresent()) {
            Expr.Window window = events.window().get();
            fine &= dateField(window.at(), dataset, window.field(), "a window") != null;
            if (window.of().isPresent()) {
                fine &= expect(window.of().get(), scope, ValueType.DATE, "window of");
            }
        }
        if (events.by().isPresent() || events.op() == Expr.EventsOp.FIRST || events.op() == Expr.EventsOp.LAST) {
            fine &= dateField(events.at(), dataset, events.by(), events.op().yamlName()) != null;
        }
        if (!fine) {
            return null;
        }
        return switch (events.op()) {
            case EXISTS -> ValueType.FLAG;
            case COUNT -> ValueType.COUNT;
            case FIRST, LAST, MIN, MAX -> valueField(events, dataset);
        };
    }

    private ValueType valueField(Expr.Events events, DatasetDescriptor dataset) {
        String name = events.value().orElseThrow();
        ValueType type = fieldType(events.at(), dataset, name);
        if (type == ValueType.PERSONAL || type == ValueType.AMOUNT) {
            return report(events.at(), "Cannot take " + name + " of " + dataset.name() + " as a value: it is "
                    + (type == ValueType.AMOUNT ? "an amount" : "an identifier or personal detail")
                    + ", expected a date, days, a code, a count or a flag");
        }
        if ((events.op() == Expr.EventsOp.MIN || events.op() == Expr.EventsOp.MAX) && type != null && !type.ordered()) {
            return report(events.at(), "Cannot take the " + events.op().yamlName() + " of " + name + ": a "
                    + type.yamlName() + " has no order, expected days, a date or a count");
        }
        return type;
    }

    private ValueType linkType(Expr.LinkedEpisodes link, Scope scope) {
        if (!scope.events()) {
            return report(link.at(), "Cannot use linked_episodes here: expected it as a variable's definition");
        }
        Expr.Episodes episodes = link.episodes();
        Optional<DatasetDescriptor> found = dataset(episodes.at(), episodes.dataset());
        if (found.isEmpty()) {
            return null;
        }
        DatasetDescriptor dataset = found.get();
        boolean fine = true;
        Scope person = new Scope(dataset, false, false, false, false);
        for (Expr condition : episodes.where()) {
            fine &= expect(condition, person, ValueType.FLAG, "where");
        }
        fine &= dateField(episodes.at(), dataset, Optional.of(episodes.start()), "episodes start") != null;
        fine &= dateField(episodes.at(), dataset, Optional.of(episodes.end()), "episodes end") != null;
        Scope index = new Scope(indexDataset, true, false, true, false);
        for (Expr condition : link.indexWhere()) {
            fine &= expect(condition, index, ValueType.FLAG, "index_where");
        }
        if (!fine) {
            return null;
        }
        return switch (link.value()) {
            case EXISTS -> ValueType.FLAG;
            case COUNT -> ValueType.COUNT;
            case START, END -> ValueType.DATE;
        };
    }

    private ValueType common(List<Expr> values, Scope scope, String where) {
        ValueType result = null;
        boolean fine = true;
        for (Expr value : values) {
            ValueType type = type(value, scope);
            if (type == null) {
                fine = false;
            } else if (result == null || result == ValueType.NUMBER) {
                if (result != null && !type.accepts(result)) {
                    fine = mismatch(value, type, result, where);
                } else {
                    result = type;
                }
            } else if (!result.accepts(type)) {
                fine = mismatch(value, type, result, where);
            }
        }
        return fine ? result : null;
    }

    private boolean mismatch(Expr value, ValueType found, ValueType expected, String where) {
        report(value.at(), "Cannot use " + describe(value) + " in " + where + ": it is " + found.yamlName()
                + ", expected " + expected.yamlName() + " like the values before it");
        return false;
    }

    private boolean expect(Expr expr, Scope scope, ValueType expected, String where) {
        ValueType found = type(expr, scope);
        if (found == null) {
            return false;
        }
        if (!expected.accepts(found)) {
            report(expr.at(), "Cannot use " + describe(expr) + " in " + where + ": it is " + found.yamlName()
                    + ", expected " + expected.yamlName());
            return false;
        }
        return true;
    }

    private Optional<DatasetDescriptor> dataset(Position at, String name) {
        Optional<DatasetDescriptor> found = catalog.dataset(name);
        if (found.isEmpty()) {
            report(at, "Cannot use dataset " + name + ": the catalog has no such dataset, expected one of "
                    + catalog.datasetNames());
        }
        return found;
    }

    private ValueType fieldType(Position at, DatasetDescriptor dataset, String name) {
        Optional<FieldDescriptor> field = dataset.field(name);
        if (field.isEmpty()) {
            return report(at, "Cannot use field " + name + ": dataset " + dataset.name()
                    + " has no such field, expected one of "
                    + dataset.fieldNames());
        }
        return ValueType.of(field.get().category());
    }

    private String dateField(Position at, DatasetDescriptor dataset, Optional<String> named, String what) {
        if (named.isEmpty()) {
            if (dataset.eventDate().isEmpty()) {
                report(at, "Cannot use " + what + " on dataset " + dataset.name() + ": it has no event date, expected"
                        + " a field: naming one of its date fields " + dates(dataset));
            }
            return dataset.eventDate().orElse(null);
        }
        ValueType type = fieldType(at, dataset, named.get());
        if (type != null && type != ValueType.DATE) {
            report(at, "Cannot use " + named.get() + " for " + what + ": it is " + type.yamlName()
                    + ", expected a date field of " + dataset.name() + ", one of " + dates(dataset));
            return null;
        }
        return type == null ? null : named.get();
    }

    private static List<String> dates(DatasetDescriptor dataset) {
        return dataset.fields().stream().filter(f -> f.category() == FieldCategory.DATE).map(FieldDescriptor::name)
                .toList();
    }

    private static ValueType literalType(Expr.Literal literal) {
        Object value = literal.value();
        if (value instanceof String) {
            return ValueType.CODE;
        }
        if (value instanceof Long) {
            return ValueType.NUMBER;
        }
        return value instanceof Boolean ? ValueType.FLAG : ValueType.DATE;
    }

    private static String describe(Expr expr) {
        if (expr instanceof Expr.Literal literal) {
            return "'" + literal.value() + "'";
        }
        if (expr instanceof Expr.FieldValue field) {
            return (field.row() == Expr.Row.INDEX ? "index field " : "field ") + field.field();
        }
        if (expr instanceof Expr.VariableValue variable) {
            return "variable " + variable.name();
        }
        return "this " + expr.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private ValueType report(Position at, String message) {
        problems.add(at.problem(message));
        return null;
    }
}
