package org.trex.spec;

import static org.trex.spec.Converter.list;
import static org.trex.spec.Converter.mapping;
import static org.trex.spec.Converter.text;
import static org.trex.spec.Converter.wholeNumber;
import static org.trex.spec.Converter.words;
import static org.trex.spec.Converter.word;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trex.spec.Expr.EventsOp;
import org.trex.spec.Expr.LogicOp;
import org.trex.spec.Expr.TestOp;
import org.trex.spec.YamlTree.Entry;
import org.trex.spec.YamlTree.MapNode;
import org.trex.spec.YamlTree.ScalarKind;
import org.trex.spec.YamlTree.ScalarNode;

/**
 * Reads the variable language: a mapping of variable names to definitions, each a mapping with
 * {@code type}, {@code description} and one expression key. Every problem is reported at its line.
 */
final class VariableReader {
    private static final Set<String> SUBJECTS = Set.of("field", "index", "var");
    private static final List<String> OPERATORS = List.of("and", "or", "not", "plus_days", "minus_days", "days_between",
            "first_present", "case", "date", "person", "period", "episode", "exists", "count", "first", "last", "min",
            "max", "linked_episodes");

    private VariableReader() {
    }

    /** The variables of a {@code variables:} mapping, in the order written. */
    static List<VariableSpec> variables(Slot slot) {
        if (!(slot.node() instanceof MapNode map)) {
            return slot.fail("it is " + slot.node().describe(), "a mapping of variable names to definitions");
        }
        List<VariableSpec> variables = new ArrayList<>();
        boolean complete = true;
        for (Map.Entry<String, Entry> entry : map.entries().entrySet()) {
            VariableSpec variable = variable(entry.getKey(),
                    slot.child(entry.getValue().value(), entry.getKey(), entry.getKey()));
            complete &= variable != null;
            variables.add(variable);
        }
        return complete ? variables : null;
    }

    private static VariableSpec variable(String name, Slot slot) {
        if (!(slot.node() instanceof MapNode map)) {
            return slot.fail("it is " + slot.node().describe(), "a mapping {type, description, <definition>}");
        }
        int before = slot.problems().count();
        Map<String, Entry> rest = new LinkedHashMap<>(map.entries());
        Entry typeEntry = rest.remove("type");
        Entry descriptionEntry = rest.remove("description");
        ValueType type = null;
        String description = null;
        if (typeEntry == null || descriptionEntry == null) {
            slot.problems().add(map.location(), "Cannot read variable " + name + ": it needs type and description");
        } else {
            type = word("a variable type", Arrays.stream(ValueType.values()).filter(ValueType::declarable)
                    .toArray(ValueType[]::new), ValueType::yamlName)
                    .convert(slot.child(typeEntry.value(), "type", "type"));
            description = words().convert(slot.child(descriptionEntry.value(), "description", "description"));
        }
        Expr definition = rest.isEmpty()
                ? slot.fail("it has no definition", "one of " + OPERATORS + " or a field, index or var test")
                : expr(new Slot(new MapNode(map.location(), rest), name, slot.pointer(), slot.problems()),
                        " beside type and description", "type, description and ");
        if (slot.problems().count() > before) {
            return null;
        }
        ValueType declared = type;
        String text = description;
        return slot.build(() -> new VariableSpec(at(slot), name, declared, text, definition));
    }

    /** One expression: a scalar value or a mapping with one operator (or a subject and a test). */
    static Expr expr(Slot slot) {
        return expr(slot, "", "");
    }

    /** An expression; a variable's definition sits beside its type and description, which its messages name. */
    private static Expr expr(Slot slot, String beside, String alongside) {
        if (slot.node() instanceof ScalarNode scalar) {
            return literal(slot, scalar);
        }
        if (!(slot.node() instanceof MapNode map)) {
            return slot.fail("it is " + slot.node().describe(), "a value or a mapping {operator: ...}");
        }
        List<String> keys = List.copyOf(map.entries().keySet());
        List<String> subjects = keys.stream().filter(SUBJECTS::contains).toList();
        if (subjects.size() == 1) {
            return subjectExpr(slot, map, subjects.get(0));
        }
        if (map.entries().containsKey("case")) {
            return caseExpr(slot, map);
        }
        if (keys.size() != 1 || !OPERATORS.contains(keys.get(0))) {
            return slot.fail("it has keys " + keys + beside,
                    alongside + "one key of " + OPERATORS + ", or one of " + SUBJECTS + " with a test");
        }
        String op = keys.get(0);
        Slot value = slot.child(map.entries().get(op).value(), op, op);
        Position at = at(slot);
        return switch (op) {
            case "and", "or" -> {
                List<Expr> operands = list(VariableReader::expr).convert(value);
                yield operands == null ? null
                        : value.build(() -> new Expr.Logic(at, LogicOp.valueOf(op.toUpperCase(Locale.ROOT)), operands));
            }
            case "not" -> {
                Expr operand = expr(value);
                yield operand == null ? null : new Expr.Logic(at, LogicOp.NOT, List.of(operand));
            }
            case "plus_days", "minus_days" -> shift(value, at, op.equals("minus_days") ? -1 : 1);
            case "days_between" -> {
                List<Expr> dates = pair(value);
                yield dates == null ? null : new Expr.DaysBetween(at, dates.get(0), dates.get(1));
            }
            case "first_present" -> {
                List<Expr> operands = list(VariableReader::expr).convert(value);
                yield operands == null ? null : value.build(() -> new Expr.FirstPresent(at, operands));
            }
            case "date" -> {
                LocalDate date = Converter.date().convert(value);
                yield date == null ? null : new Expr.Literal(at, date);
            }
            case "person" -> {
                Expr.PersonAttribute attribute = word("a person attribute", Expr.PersonAttribute.values(),
                        Expr.PersonAttribute::yamlName).convert(value);
                yield attribute == null ? null : new Expr.PersonValue(at, attribute);
            }
            case "period", "episode" -> {
                Expr.PeriodBound bound = word("start or end", Expr.PeriodBound.values(), Expr.PeriodBound::yamlName)
                        .convert(value);
                yield bound == null ? null : op.equals("period") ? new Expr.PeriodValue(at, bound)
                        : new Expr.EpisodeValue(at, bound);
            }
            case "linked_episodes" -> mapping(m -> linkedEpisodes(m, at)).convert(value);
            default -> {
                EventsOp events = EventsOp.valueOf(op.toUpperCase(Locale.ROOT));
                yield mapping(m -> events(m, at, events)).convert(value);
            }
        };
    }

    private static Expr subjectExpr(Slot slot, MapNode map, String subjectKey) {
        Position at = at(slot);
        Slot subjectSlot = slot.child(map.entries().get(subjectKey).value(), subjectKey, subjectKey);
        String name = text().convert(subjectSlot);
        if (name == null) {
            return null;
        }
        Expr subject = switch (subjectKey) {
            case "field" -> new Expr.FieldValue(at, Expr.Row.CURRENT, name);
            case "index" -> new Expr.FieldValue(at, Expr.Row.INDEX, name);
            default -> new Expr.VariableValue(at, name);
        };
        List<String> rest = map.entries().keySet().stream().filter(k -> !k.equals(subjectKey)).toList();
        if (rest.isEmpty()) {
            return subject;
        }
        List<String> tests = Arrays.stream(TestOp.values()).map(TestOp::yamlName).toList();
        if (rest.size() != 1 || !tests.contains(rest.get(0))) {
            return slot.fail("it tests " + subjectKey + " " + name + " with " + rest, "one test of " + tests);
        }
        TestOp op = Arrays.stream(TestOp.values()).filter(t -> t.yamlName().equals(rest.get(0))).findFirst()
                .orElseThrow();
        Slot operandSlot = slot.child(map.entries().get(op.yamlName()).value(), op.yamlName(), op.yamlName());
        if (op == TestOp.IS_NULL) {
            if (!(operandSlot.node() instanceof ScalarNode s) || s.kind() != ScalarKind.BOOLEAN) {
                return operandSlot.fail("it is " + operandSlot.node().describe(), "true or false");
            }
            return new Expr.Test(at, subject, op,
                    List.of(new Expr.Literal(at(operandSlot), Boolean.valueOf(s.text()))));
        }
        List<Expr> operands = op.takesList() ? list(VariableReader::expr).convert(operandSlot)
                : Optional.ofNullable(expr(operandSlot)).map(List::of).orElse(null);
        if (operands == null) {
            return null;
        }
        if (operands.isEmpty()) {
            return operandSlot.fail("it is an empty list", "at least one value");
        }
        return new Expr.Test(at, subject, op, operands);
    }

    private static Expr caseExpr(Slot slot, MapNode map) {
        List<String> extra = map.entries().keySet().stream().filter(k -> !k.equals("case") && !k.equals("else"))
                .toList();
        if (!extra.isEmpty()) {
            return slot.fail("it has keys " + extra + " beside case", "case: [{when, then}, ...] and else");
        }
        Slot branches = slot.child(map.entries().get("case").value(), "case", "case");
        List<Expr.When> whens = list(mapping(m -> {
            Expr when = m.required("when", VariableReader::expr);
            Expr then = m.required("then", VariableReader::expr);
            return when == null || then == null ? null : new Expr.When(when, then);
        })).convert(branches);
        Optional<Expr> otherwise = Optional.empty();
        if (map.entries().containsKey("else")) {
            Expr value = expr(slot.child(map.entries().get("else").value(), "else", "else"));
            if (value == null) {
                return null;
            }
            otherwise = Optional.of(value);
        }
        Optional<Expr> orElse = otherwise;
        return whens == null ? null : branches.build(() -> new Expr.Case(at(slot), whens, orElse));
    }

    private static Expr shift(Slot slot, Position at, int sign) {
        List<Expr> pair = pair(slot);
        if (pair == null) {
            return null;
        }
        if (!(pair.get(1) instanceof Expr.Literal literal) || !(literal.value() instanceof Long days)) {
            return slot.fail("its second item is not a whole number", "[date, days]");
        }
        return new Expr.ShiftDays(at, pair.get(0), sign * days.intValue());
    }

    private static List<Expr> pair(Slot slot) {
        List<Expr> items = list(VariableReader::expr).convert(slot);
        if (items != null && items.size() != 2) {
            return slot.fail("it has " + items.size() + " items", "a list of two");
        }
        return items;
    }

    private static Expr events(MapReader m, Position at, EventsOp op) {
        int before = m.problemCount();
        String dataset = m.required("from", text());
        List<Expr> where = m.optional("where", list(VariableReader::expr)).orElse(List.of());
        Optional<Expr.Window> window = m.optional("window", mapping(VariableReader::window));
        Optional<String> value = op.givesField() ? Optional.ofNullable(m.required("value", text())) : Optional.empty();
        Optional<String> by = Optional.empty();
        if (op == EventsOp.FIRST || op == EventsOp.LAST) {
            by = m.optional("by", text());
        }
        if (!m.cleanSince(before)) {
            return null;
        }
        Optional<String> sortBy = by;
        return m.build(() -> new Expr.Events(at, op, dataset, where, window, value, sortBy));
    }

    private static Expr.Window window(MapReader m) {
        int before = m.problemCount();
        Integer from = m.required("from_days", wholeNumber());
        Integer to = m.required("to_days", wholeNumber());
        Optional<String> field = m.optional("field", text());
        Optional<Expr> of = m.optional("of", VariableReader::expr);
        return m.cleanSince(before) ? m.build(() -> new Expr.Window(m.position(), from, to, field, of)) : null;
    }

    private static Expr linkedEpisodes(MapReader m, Position at) {
        int before = m.problemCount();
        Expr.Episodes episodes = m.required("episodes", mapping(VariableReader::episodes));
        Expr.LinkChoice link = m.required("link",
                word("a link choice", Expr.LinkChoice.values(), Expr.LinkChoice::yamlName));
        int[] window = m.required("window", mapping(w -> {
            Integer from = w.required("from_days", wholeNumber());
            Integer to = w.required("to_days", wholeNumber());
            return from == null || to == null ? null : new int[] {from, to};
        }));
        List<Expr> indexWhere = m.optional("index_where", list(VariableReader::expr)).orElse(List.of());
        Expr.LinkedValue value = m.required("value",
                word("a linked value", Expr.LinkedValue.values(), Expr.LinkedValue::yamlName));
        if (!m.cleanSince(before)) {
            return null;
        }
        return m.build(() -> new Expr.LinkedEpisodes(at, episodes, link, window[0], window[1], indexWhere, value));
    }

    private static Expr.Episodes episodes(MapReader m) {
        int before = m.problemCount();
        String dataset = m.required("from", text());
        List<Expr> where = m.optional("where", list(VariableReader::expr)).orElse(List.of());
        String start = m.required("start", text());
        String end = m.required("end", text());
        Integer within = m.required("join_within_days", wholeNumber());
        return m.cleanSince(before) ? m.build(() -> new Expr.Episodes(m.position(), dataset, where, start, end, within))
                : null;
    }

    private static Expr literal(Slot slot, ScalarNode scalar) {
        Position at = at(slot);
        return switch (scalar.kind()) {
            case TEXT -> new Expr.Literal(at, scalar.text());
            case WHOLE_NUMBER -> {
                try {
                    yield new Expr.Literal(at, Long.valueOf(scalar.text().replace("_", "")));
                } catch (NumberFormatException e) {
                    yield slot.fail("it is too large", "a whole number");
                }
            }
            case BOOLEAN -> new Expr.Literal(at, Boolean.valueOf(scalar.text()));
            case DECIMAL, EMPTY -> slot.fail("it is " + scalar.kind().description(),
                    "text, a whole number, true or false");
        };
    }

    static Position at(Slot slot) {
        return new Position(slot.problems().file(), slot.node().location().line(), slot.node().location().column());
    }
}
