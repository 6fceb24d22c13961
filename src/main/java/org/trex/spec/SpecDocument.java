package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A spec or policy as loaded from its file: the model, the file, the SHA-256 of the model's canonical form,
 * and the YAML tree so that later checks can point at the line of what they find.
 *
 * @param <T> {@link ExtractSpec} or {@link Policy}
 */
public final class SpecDocument<T> {
    private final Path file;
    private final T value;
    private final String sha256;
    private final Optional<YamlTree.Node> tree;

    SpecDocument(Path file, T value, String sha256, Optional<YamlTree.Node> tree) {
        this.file = requireNonNull(file, "file is null");
        this.value = requireNonNull(value, "value is null");
        this.sha256 = requireNonNull(sha256, "sha256 is null");
        this.tree = requireNonNull(tree, "tree is null");
    }

    /** An extract spec built in code: problems found in it have no line. */
    public static SpecDocument<ExtractSpec> of(ExtractSpec spec, Path file) {
        return new SpecDocument<>(file, spec, Canonical.sha256(spec), Optional.empty());
    }

    /** A policy built in code: problems found in it have no line. */
    public static SpecDocument<Policy> of(Policy policy, Path file) {
        return new SpecDocument<>(file, policy, Canonical.sha256(policy), Optional.empty());
    }

    public Path file() {
        return file;
    }

    public T value() {
        return value;
    }

    /** Lowercase hex SHA-256 of the canonical JSON of {@link #value()}. */
    public String sha256() {
        return sha256;
    }

    /**
     * A problem at the node of a JSON pointer ({@code /outputs/1/fields/0/form}), or at its nearest written ancestor.
     */
    public SpecProblem problemAt(String pointer, String message) {
        YamlTree.Location location = tree.map(root -> YamlTree.nearest(root, pointer).location())
                .orElse(YamlTree.Location.UNKNOWN);
        return new SpecProblem(file, location.line(), location.column(), message);
    }

    /**
     * Whether the file wrote a value at a JSON pointer, rather than leaving it to a default; true for models built in
     * code.
     */
    boolean written(String pointer) {
        return tree.map(root -> YamlTree.has(root, pointer)).orElse(true);
    }
}
