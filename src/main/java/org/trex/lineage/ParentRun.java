package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The scheduler's run that started this one, e.g. an Airflow DAG run. */
public record ParentRun(String namespace, String name, UUID runId) {
    public ParentRun {
        LineageChecks.requireText(namespace, "namespace");
        LineageChecks.requireText(name, "name");
        requireNonNull(runId, "runId is null");
    }
}
