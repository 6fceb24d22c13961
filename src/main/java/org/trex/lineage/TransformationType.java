package org.trex.lineage;

/** OpenLineage transformation types: the value flows into the column, or only affects which rows appear. */
public enum TransformationType {
    DIRECT, INDIRECT
}
