package org.trex.load;

import static java.util.Objects.requireNonNull;

/**
 * One column of a national file layout, as the national specification names it.
 *
 * @param name the column header ({@code Event_Start_Date})
 * @param kind what it holds
 * @param presence whether every row must fill it
 */
public record NationalColumn(String name, ColumnKind kind, Presence presence) {
    /** Whether a column must be filled on every row. */
    public enum Presence {
        REQUIRED,
        OPTIONAL
    }

    public NationalColumn {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(presence, "presence is null");
    }

    static NationalColumn required(String name, ColumnKind kind) {
        return new NationalColumn(name, kind, Presence.REQUIRED);
    }

    static NationalColumn optional(String name, ColumnKind kind) {
        return new NationalColumn(name, kind, Presence.OPTIONAL);
    }
}
