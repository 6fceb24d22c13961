package org.trex.spec;

import static java.util.Objects.requireNonNull;

/**
 * A named variable of an index event: its declared type, a description for the board, and its definition.
 * Written in a spec's {@code variables} or in a definitions file the spec imports.
 */
public record VariableSpec(Position at, String name, ValueType type, String description, Expr definition) {
    public VariableSpec {
        requireNonNull(at, "at is null");
        Names.requireIdentifier(name, "variable name");
        requireNonNull(type, "type is null");
        Names.requireText(description, "description of variable " + name);
        requireNonNull(definition, "definition is null");
        if (!type.declarable()) {
            throw new IllegalArgumentException("Cannot declare variable " + name + " as " + type.yamlName()
                    + ": expected one of [flag, days, date, code, count]");
        }
    }
}
