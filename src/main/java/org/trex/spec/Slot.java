package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

/** One value being read: its node, the key it sits under (for messages) and its JSON pointer. */
record Slot(YamlTree.Node node, String key, String pointer, Problems problems) {
    Slot {
        requireNonNull(node, "node is null");
        requireNonNull(key, "key is null");
        requireNonNull(pointer, "pointer is null");
        requireNonNull(problems, "problems is null");
    }

    /** Reports that the value cannot be used, and gives the null that marks a failed read. */
    <T> T fail(String why, String expected) {
        // A scalar is quoted after its key ("type 'flg'"); a mapping or list is named what it was read as.
        String value = node.describe().isEmpty() ? ""
                : (node instanceof YamlTree.ScalarNode ? " " : " as ") + node.describe();
        problems.add(node.location(), "Cannot read " + key + value + ": " + why + ", expected " + expected);
        return null;
    }

    /** Builds a model value, reporting a constructor's refusal at this node. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            problems.add(node.location(), e.getMessage());
            return null;
        }
    }

    Slot child(YamlTree.Node child, String childKey, String step) {
        return new Slot(child, childKey, pointer + "/" + step, problems);
    }
}
