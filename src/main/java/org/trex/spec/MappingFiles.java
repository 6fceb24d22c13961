package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trex.spec.YamlTree.MapNode;
import org.trex.spec.YamlTree.Node;

/**
 * Reads the mapping files of {@code trex load} as strictly as specs: an unknown key, a column the national
 * layout does not have or a value outside its national list is reported with file, line and column.
 */
public final class MappingFiles {
    private MappingFiles() {
    }

    /** The mapping in a file for the vocabulary's kind of source file; a {@link SpecException} lists every problem. */
    public static SourceMapping load(Path file, MappingVocabulary vocabulary) {
        requireNonNull(file, "file is null");
        requireNonNull(vocabulary, "vocabulary is null");
        Problems problems = new Problems(file);
        Optional<Node> root = YamlTree.parse(problems);
        Map<String, String> columns = new LinkedHashMap<>();
        Set<String> ignored = new LinkedHashSet<>();
        Map<String, Map<String, Map<String, String>>> values = new LinkedHashMap<>();
        root.ifPresent(node -> read(new Slot(node, "mapping", "", problems), vocabulary, columns, ignored, values));
        if (problems.count() > 0 || root.isEmpty()) {
            throw new SpecException(problems.list());
        }
        return new SourceMapping(file, columns, ignored, values);
    }

    private static void read(Slot slot, MappingVocabulary vocabulary, Map<String, String> columns, Set<String> ignored,
            Map<String, Map<String, Map<String, String>>> values) {
        Converter.mapping(reader -> {
            reader.required("source", Converter.text(source -> {
                if (!source.equals(vocabulary.source())) {
                    throw new IllegalArgumentException("Cannot read source '" + source + "': this mapping is used for "
                            + vocabulary.source() + " files, expected " + vocabulary.source());
                }
                return source;
            }));
            reader.optional("description", Converter.text());
            reader.optional("columns", anyKeys((local, at, columnSlot) -> {
                String national = nationalColumn(columnSlot, vocabulary);
                if (national != null) {
                    columns.put(local, national);
                }
            }));
            reader.optional("ignore", Converter.list(Converter.text())).ifPresent(ignored::addAll);
            reader.optional("values", anyKeys((column, at, columnSlot) -> {
                if (!vocabulary.columns().containsKey(column) || vocabulary.columns().get(column).isEmpty()) {
                    columnSlot.problems().add(at, "Cannot read values." + column + ": it is not a "
                            + vocabulary.source()
                            + " column with a national value list, expected one of " + coded(vocabulary));
                    return;
                }
                values.put(column, localValues(columnSlot, column, vocabulary));
            }));
            return Boolean.TRUE;
        }).convert(slot);
    }

    private static Map<String, Map<String, String>> localValues(Slot slot, String column,
            MappingVocabulary vocabulary) {
        Map<String, Map<String, String>> byLocal = new LinkedHashMap<>();
        if (!(slot.node() instanceof MapNode map)) {
            slot.fail("it is " + slot.node().describe(), "a mapping {local value: national value, ...}");
            return byLocal;
        }
        map.entries().forEach((local, entry) -> {
            Slot valueSlot = slot.child(entry.value(), "values." + column + "." + local, local);
            if (entry.value() instanceof MapNode targets) {
                Map<String, String> set = new LinkedHashMap<>();
                targets.entries().forEach((target, targetEntry) -> {
                    Slot targetSlot = valueSlot.child(targetEntry.value(), valueSlot.key() + "." + target, target);
                    if (!vocabulary.columns().containsKey(target)) {
                        targetSlot.problems().add(targetEntry.keyLocation(), "Cannot read " + valueSlot.key() + ": "
                                + target + " is not a " + vocabulary.source() + " column, expected one of "
                                + List.copyOf(vocabulary.columns().keySet()));
                        return;
                    }
                    String value = nationalValue(targetSlot, target, vocabulary);
                    if (value != null) {
                        set.put(target, value);
                    }
                });
                byLocal.put(local, Map.copyOf(set));
            } else {
                String value = nationalValue(valueSlot, column, vocabulary);
                if (value != null) {
                    byLocal.put(local, Map.of(column, value));
                }
            }
        });
        return byLocal;
    }

    private static String nationalValue(Slot slot, String column, MappingVocabulary vocabulary) {
        String value = Converter.text().convert(slot);
        if (value == null) {
            return null;
        }
        Set<String> allowed = vocabulary.columns().get(column);
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            return slot.fail("it is not a national value of " + column, "one of " + allowed.stream().sorted().toList());
        }
        return value;
    }

    private static String nationalColumn(Slot slot, MappingVocabulary vocabulary) {
        String target = Converter.text().convert(slot);
        if (target == null) {
            return null;
        }
        if (!vocabulary.columns().containsKey(target)) {
            return slot.fail("it is not a " + vocabulary.source() + " column",
                    "one of " + List.copyOf(vocabulary.columns().keySet()));
        }
        return target;
    }

    @FunctionalInterface
    private interface KeyedEntry {
        void accept(String key, YamlTree.Location keyLocation, Slot value);
    }

    /** A mapping whose keys are the user's own words (local column names, values); each entry goes to {@code entry}. */
    private static Converter<Boolean> anyKeys(KeyedEntry entry) {
        return slot -> {
            if (!(slot.node() instanceof MapNode map)) {
                return slot.fail("it is " + slot.node().describe(), "a mapping {key: value, ...}");
            }
            map.entries().forEach((key, value) -> entry.accept(key, value.keyLocation(),
                    slot.child(value.value(), slot.key() + "." + key, key)));
            return Boolean.TRUE;
        };
    }

    private static List<String> coded(MappingVocabulary vocabulary) {
        return vocabulary.columns().entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
    }
}
