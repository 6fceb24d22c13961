package org.trex.spec;

import static org.trex.spec.Converter.mapping;
import static org.trex.spec.Converter.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.trex.spec.YamlTree.Node;

/**
 * A library of named variable definitions ({@code definitions/<name>.yaml}) that specs import, so that one
 * definition of, say, ASCOF 2D's reablement clusters serves every spec and a change to it changes their hashes.
 */
public final class Definitions {
    /** The folder, next to {@code extracts/}, holding the libraries. */
    public static final String FOLDER = "definitions";

    private Definitions() {
    }

    /**
     * The variables of a definitions file; a missing or bad file throws an {@link IllegalArgumentException}
     * (reported at the import) or a {@link SpecException} listing its problems at their lines.
     */
    static List<VariableSpec> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Cannot import " + file + ": there is no such file, expected "
                    + FOLDER + "/<name>.yaml next to the folder of the spec");
        }
        Problems problems = new Problems(file);
        Optional<Node> root = YamlTree.parse(problems);
        Optional<List<VariableSpec>> variables = root.map(node -> mapping(m -> {
            m.required("description", text());
            return m.required("variables", VariableReader::variables);
        }).convert(new Slot(node, "definitions", "", problems)));
        if (problems.count() > 0 || variables.isEmpty()) {
            throw new SpecException(problems.list());
        }
        return variables.get();
    }
}
