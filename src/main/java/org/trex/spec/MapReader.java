package org.trex.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.trex.spec.YamlTree.Entry;
import org.trex.spec.YamlTree.MapNode;

/**
 * Reads the keys of one YAML mapping. Every key asked for is remembered, so that any other key can be
 * reported as unknown together with the keys that would have been valid.
 */
final class MapReader {
    private final Slot slot;
    private final MapNode map;
    private final Set<String> known = new LinkedHashSet<>();

    MapReader(Slot slot, MapNode map) {
        this.slot = slot;
        this.map = map;
    }

    /** The value under a key the mapping must have; null (after a report) when it is missing or bad. */
    <T> T required(String key, Converter<T> converter) {
        known.add(key);
        Entry entry = map.entries().get(key);
        if (entry == null) {
            slot.problems().add(map.location(),
                    "Cannot read " + slot.key() + ": the required key " + key + " is missing");
            return null;
        }
        return converter.convert(slot.child(entry.value(), key, key));
    }

    /** The value under an optional key; empty when absent, and also when bad (after a report). */
    <T> Optional<T> optional(String key, Converter<T> converter) {
        known.add(key);
        Entry entry = map.entries().get(key);
        return entry == null ? Optional.empty()
                : Optional.ofNullable(converter.convert(slot.child(entry.value(), key, key)));
    }

    /** Declares keys that are valid here but not read (they belong to another kind of mapping). */
    void allow(String... keys) {
        known.addAll(List.of(keys));
    }

    /** Builds the model value of this mapping, reporting a constructor's refusal at the mapping. */
    <T> T build(Supplier<T> constructor) {
        return slot.build(constructor);
    }

    /** Builds a model value, reporting a constructor's refusal at the node under {@code key} when there is one. */
    <T> T build(String key, Supplier<T> constructor) {
        Entry entry = map.entries().get(key);
        return entry == null ? slot.build(constructor) : slot.child(entry.value(), key, key).build(constructor);
    }

    /** Whether no problem was reported since {@code before} (a count from {@link #problemCount()}). */
    boolean cleanSince(int before) {
        return slot.problems().count() == before;
    }

    /** Where this mapping was written. */
    Position position() {
        return VariableReader.at(slot);
    }

    /** The file being read. */
    java.nio.file.Path file() {
        return slot.problems().file();
    }

    /** Problems found in a file this one imports. */
    void addProblems(List<SpecProblem> problems) {
        slot.problems().addAll(problems);
    }

    int problemCount() {
        return slot.problems().count();
    }

    void reportUnknownKeys() {
        for (Map.Entry<String, Entry> entry : map.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                slot.problems().add(entry.getValue().keyLocation(), "Cannot read " + slot.key()
                        + ": it has an unknown key " + entry.getKey() + ", expected one of " + List.copyOf(known));
            }
        }
    }
}
