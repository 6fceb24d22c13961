package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.trex.pseudonym.IdentifierKind;
import org.trex.spec.FieldForm;

/** What the row shaper does to one column: read it at an input position, put it out in a form. */
record ColumnShape(String name, int inputIndex, FieldForm form, IdentifierKind identifierKind) implements Serializable {
    ColumnShape {
        requireNonNull(name, "name is null");
        requireNonNull(form, "form is null");
        if (form == FieldForm.PSEUDONYM) {
            requireNonNull(identifierKind, "identifierKind is null");
        }
    }
}
