package org.trex.source;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.TableField;
import org.trex.pseudonym.IdentifierKind;
import org.trex.spec.FieldDescriptor;

/**
 * A dataset field as the planner builds it: what specs see ({@link #descriptor()}), the jOOQ expression
 * that reads it, the source columns it derives from (for column lineage), and for identifiers the kind
 * of pseudonym it takes.
 */
public record SourceField(
        FieldDescriptor descriptor, Field<?> expression, List<TableField<?, ?>> inputs,
        Optional<IdentifierKind> identifierKind) {
    public SourceField {
        requireNonNull(descriptor, "descriptor is null");
        requireNonNull(expression, "expression is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        requireNonNull(identifierKind, "identifierKind is null");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Cannot declare field " + descriptor.name()
                    + ": it names no source column");
        }
    }

    /** The field's name in specs. */
    public String name() {
        return descriptor.name();
    }

    /** True when the value is a column read as stored rather than computed. */
    public boolean isDerived() {
        return !(expression instanceof TableField<?, ?>);
    }
}
