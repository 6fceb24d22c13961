package org.trex.governance;

import static java.util.Objects.requireNonNull;

/** A break in the audit chain found by {@link AuditLog#verify()}, at the entry with sequence number {@code seq}. */
public record ChainProblem(long seq, Kind kind, String message) {
    /** How the chain is broken. */
    public enum Kind {
        /** The entry's contents no longer match its hash. */
        EDITED,
        /** Entries before this one are missing, or the link to the previous entry is broken. */
        DELETED,
        /** The entry is not the one an anchor noted: the chain was rebuilt from it or before, or cut back. */
        REWRITTEN
    }

    public ChainProblem {
        requireNonNull(kind, "kind is null");
        requireNonNull(message, "message is null");
    }
}
