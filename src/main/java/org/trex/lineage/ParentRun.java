package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * The scheduler's run that started this one, e.g. an Airflow DAG run: {@code runId} is the UUID lineage needs,
 * {@code schedulerRunId} the scheduler's own ID as given (an Airflow run ID is rarely a UUID).
 */
public record ParentRun(String namespace, String name, UUID runId, String schedulerRunId) {
    public ParentRun {
        Names.requireText(namespace, "namespace");
        Names.requireText(name, "name");
        requireNonNull(runId, "runId is null");
        Names.requireText(schedulerRunId, "schedulerRunId");
    }

    /** A parent whose own ID is the UUID itself. */
    public ParentRun(String namespace, String name, UUID runId) {
        this(namespace, name, runId, requireNonNull(runId, "runId is null").toString());
    }
}
