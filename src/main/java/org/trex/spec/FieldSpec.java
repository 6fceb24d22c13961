package org.trex.spec;

import static java.util.Objects.requireNonNull;

/**
 * One column of an output: its name in the extract, the source field it comes from, and its form.
 * A source is a field of the output's dataset ({@code admission_date}) or of the cohort's index event
 * ({@code index.spell_id}).
 */
public record FieldSpec(String name, String source, FieldForm form) {
    /** The prefix that names a field of the index event. */
    public static final String INDEX_PREFIX = "index.";

    public FieldSpec {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        requireNonNull(form, "form is null");
        Names.requireIdentifier(name, "field name");
    }

    /** True when the source is a field of the index event rather than the output's dataset. */
    public boolean fromIndexEvent() {
        return source.startsWith(INDEX_PREFIX);
    }

    /** The source field's name without any {@code index.} prefix. */
    public String sourceField() {
        return fromIndexEvent() ? source.substring(INDEX_PREFIX.length()) : source;
    }
}
