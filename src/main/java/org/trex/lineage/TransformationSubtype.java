package org.trex.lineage;

/** OpenLineage transformation subtypes (column lineage facet 1-2-0). */
public enum TransformationSubtype {
    IDENTITY, TRANSFORMATION, AGGREGATION, FILTER, JOIN, GROUP_BY, SORT, WINDOW, CONDITIONAL
}
