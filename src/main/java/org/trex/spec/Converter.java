package org.trex.spec;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.trex.spec.YamlTree.ListNode;
import org.trex.spec.YamlTree.MapNode;
import org.trex.spec.YamlTree.ScalarKind;
import org.trex.spec.YamlTree.ScalarNode;

/** Turns one YAML node into a model value, or reports why it cannot and gives null. */
@FunctionalInterface
interface Converter<T> {
    DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    T convert(Slot slot);

    /** Text, checked by a model rule that throws {@link IllegalArgumentException}. */
    static Converter<String> text(UnaryOperator<String> check) {
        return slot -> {
            if (!(slot.node() instanceof ScalarNode scalar) || scalar.kind() != ScalarKind.TEXT) {
                String hint = slot.node() instanceof ScalarNode scalar && scalar.kind() != ScalarKind.EMPTY
                        ? "text (quote it: '" + scalar.text() + "')" : "text";
                return slot.fail("it is " + kind(slot.node()), hint);
            }
            if (scalar.text().isBlank()) {
                return slot.fail("it is blank", "some text");
            }
            return slot.build(() -> check.apply(scalar.text()));
        };
    }

    static Converter<String> text() {
        return text(UnaryOperator.identity());
    }

    /**
     * Words that travel with the extract (a title, a purpose, a description): the extract's README and lineage repeat
     * them around its data, so they may not hold what looks like a person's NHS number or postcode. The message
     * names what was found, never the value.
     */
    static Converter<String> words() {
        return slot -> {
            String words = text().convert(slot);
            return words == null ? null : slot.build(() -> {
                IdentifiersInText.found(words).ifPresent(found -> {
                    throw new IllegalArgumentException("Cannot use " + slot.key() + ": it holds what looks like "
                            + found + ", and an extract repeats its spec's words around its data; name no person");
                });
                return words;
            });
        };
    }

    static Converter<Integer> wholeNumber() {
        return slot -> {
            if (!(slot.node() instanceof ScalarNode scalar) || scalar.kind() != ScalarKind.WHOLE_NUMBER) {
                return slot.fail("it is " + kind(slot.node()), "a whole number");
            }
            try {
                return Integer.valueOf(scalar.text().replace("_", ""));
            } catch (NumberFormatException e) {
                return slot.fail("it is too large",
                        "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
            }
        };
    }

    static Converter<LocalDate> date() {
        return slot -> {
            if (!(slot.node() instanceof ScalarNode scalar) || scalar.kind() != ScalarKind.TEXT) {
                return slot.fail("it is " + kind(slot.node()), "a date YYYY-MM-DD");
            }
            try {
                return LocalDate.parse(scalar.text(), ISO_DATE);
            } catch (DateTimeParseException e) {
                return slot.fail("it is not a calendar date", "a date YYYY-MM-DD");
            }
        };
    }

    /** One of an enum's YAML words. */
    static <E extends Enum<E>> Converter<E> word(String what, E[] values, Function<E, String> yamlName) {
        List<String> words = Arrays.stream(values).map(yamlName).toList();
        return slot -> {
            if (!(slot.node() instanceof ScalarNode scalar) || scalar.kind() != ScalarKind.TEXT) {
                return slot.fail("it is " + kind(slot.node()), "one of " + words);
            }
            Optional<E> value = Arrays.stream(values).filter(v -> yamlName.apply(v).equals(scalar.text())).findFirst();
            return value.orElseGet(() -> slot.fail("it is not " + what, "one of " + words));
        };
    }

    /** A list whose items all convert; null when any does not, after every item has been reported. */
    static <T> Converter<List<T>> list(Converter<T> item) {
        return slot -> {
            if (!(slot.node() instanceof ListNode list)) {
                return slot.fail("it is " + kind(slot.node()), "a list [...]");
            }
            List<T> values = new ArrayList<>();
            boolean complete = true;
            for (int i = 0; i < list.items().size(); i++) {
                T value = item.convert(slot.child(list.items().get(i), slot.key() + "[" + i + "]",
                        Integer.toString(i)));
                complete &= value != null;
                values.add(value);
            }
            return complete ? values : null;
        };
    }

    /** A mapping read key by key; its unknown keys are reported after the reader has asked for the known ones. */
    static <T> Converter<T> mapping(Function<MapReader, T> reader) {
        return slot -> {
            if (!(slot.node() instanceof MapNode map)) {
                return slot.fail("it is " + kind(slot.node()), "a mapping {key: value, ...}");
            }
            MapReader mapReader = new MapReader(slot, map);
            int before = slot.problems().count();
            T value = reader.apply(mapReader);
            mapReader.reportUnknownKeys();
            return slot.problems().count() > before ? null : value;
        };
    }

    private static String kind(YamlTree.Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.kind().description();
        }
        return node.describe();
    }
}
