package org.trex.load;

/** Whether a load writes its rows or only checks and reports them. */
public enum LoadMode {
    LOAD,
    DRY_RUN
}
