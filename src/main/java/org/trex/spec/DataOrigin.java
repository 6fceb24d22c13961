package org.trex.spec;

/** Where a dataset's records come from; GP-sourced data brings the Type 1 opt-out into force. */
public enum DataOrigin {
    SOCIAL_CARE,
    HOSPITAL,
    GP
}
