package org.trex.lineage;

/** Whether a transformation hides the original value (a pseudonym) or not. */
public enum Masking {
    MASKED, NOT_MASKED;

    boolean masks() {
        return this == MASKED;
    }
}
