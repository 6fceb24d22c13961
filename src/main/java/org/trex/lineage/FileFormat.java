package org.trex.lineage;

/** The formats an output is written in. */
public enum FileFormat {
    PARQUET, CSV;

    /** The name file extensions and the manifest use. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
