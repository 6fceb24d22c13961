package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.select;
import static org.trex.governance.GovernanceTables.CELL_AS_OF;
import static org.trex.governance.GovernanceTables.CELL_DIMENSIONS;
import static org.trex.governance.GovernanceTables.CELL_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.CELL_ID;
import static org.trex.governance.GovernanceTables.CELL_MEASURE;
import static org.trex.governance.GovernanceTables.CELL_OUTPUT;
import static org.trex.governance.GovernanceTables.CELL_RELEASED;
import static org.trex.governance.GovernanceTables.CELL_RUN_ID;
import static org.trex.governance.GovernanceTables.CELL_SPEC_VERSION;
import static org.trex.governance.GovernanceTables.CELL_STATUS;
import static org.trex.governance.GovernanceTables.CELL_VALUE;
import static org.trex.governance.GovernanceTables.RELEASE;
import static org.trex.governance.GovernanceTables.RELEASED_CELL;
import static org.trex.governance.GovernanceTables.RELEASE_PROJECT;
import static org.trex.governance.GovernanceTables.RELEASE_RUN_ID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.EarlierRelease;
import org.trex.disclosure.ReleaseHistory;
import org.trex.source.DatabaseUrl;

/**
 * The release ledger: every aggregate cell each run of an extract released (its true value, what was released,
 * why), kept in the governance database so a later run of the same extract can check its cells against them.
 */
public final class ReleaseLedger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CELLS_PER_INSERT = 1000;

    private final DatabaseUrl url;

    public ReleaseLedger(DatabaseUrl url) {
        this.url = requireNonNull(url, "url is null");
    }

    /** Records the cells of one run, all or none. */
    public void record(String extractId, int specVersion, String runId, LocalDate asOf, List<DecidedCell> cells) {
        requireNonNull(extractId, "extractId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(cells, "cells is null");
        GovernanceDatabase.transaction(url, "record the released cells of run " + runId + " of " + extractId, dsl -> {
            insert(dsl, extractId, specVersion, runId, asOf, cells);
            return null;
        });
    }

    /** Records the cells of one run within the caller's transaction, so they stand only with its release. */
    static void insert(DSLContext dsl, String extractId, int specVersion, String runId, LocalDate asOf,
            List<DecidedCell> cells) {
        for (int from = 0; from < cells.size(); from += CELLS_PER_INSERT) {
            var insert = dsl.insertInto(RELEASED_CELL, CELL_EXTRACT_ID, CELL_SPEC_VERSION, CELL_RUN_ID, CELL_AS_OF,
                    CELL_OUTPUT, CELL_MEASURE, CELL_DIMENSIONS, CELL_VALUE, CELL_RELEASED, CELL_STATUS);
            for (DecidedCell cell : cells.subList(from, Math.min(cells.size(), from + CELLS_PER_INSERT))) {
                CellKey key = cell.key();
                insert = insert.values(extractId, specVersion, runId, asOf, key.output(), key.measure(),
                        JSONB.valueOf(json(key.dimensions())), cell.cell().value(), cell.released().orElse(null),
                        cell.status().name());
            }
            insert.execute();
        }
    }

    /**
     * What earlier runs released, cell by cell, oldest first: the extract's own runs and those of every other
     * extract of its project, so that a spec copied under another ID (same outputs, same people) differences against
     * what its original released rather than starting a ledger of its own.
     */
    public ReleaseHistory history(String extractId, String project) {
        requireNonNull(extractId, "extractId is null");
        requireNonNull(project, "project is null");
        List<Record> rows = GovernanceDatabase.transaction(url, "read the released cells of " + extractId, dsl ->
                dsl.select(CELL_RUN_ID, CELL_OUTPUT, CELL_MEASURE, CELL_DIMENSIONS, CELL_VALUE, CELL_RELEASED)
                        .from(RELEASED_CELL)
                        .where(ofExtractOrProject(extractId, project))
                        .orderBy(CELL_ID).fetch()
                        .stream().map(r -> (Record) r).toList());
        Map<CellKey, List<EarlierRelease>> cells = new LinkedHashMap<>();
        for (Record row : rows) {
            CellKey key = CellKey.of(row.get(CELL_OUTPUT), row.get(CELL_MEASURE), dimensions(row.get(CELL_DIMENSIONS)));
            cells.computeIfAbsent(key, k -> new ArrayList<>()).add(
                    new EarlierRelease(row.get(CELL_RUN_ID), row.get(CELL_VALUE),
                            Optional.ofNullable(row.get(CELL_RELEASED))));
        }
        return new ReleaseHistory(cells);
    }

    /**
     * Refuses to publish run {@code runId} when a run other than those in {@code read}, the history its cells were
     * checked against, has since released cells of the extract or its project: two runs at once (an Airflow backfill,
     * a scheduled run beside a manual one) would otherwise each be checked against the ledger without the other, and
     * their cells could differ by the few people differencing protects. Called under the audit log's lock, which
     * every publication takes, so of two such runs the second to publish sees the first's cells.
     */
    static void requireUnchangedSince(DSLContext dsl, String extractId, String project, ReleaseHistory read,
            String runId) {
        Optional<String> since = dsl.select(CELL_RUN_ID).from(RELEASED_CELL)
                .where(ofExtractOrProject(extractId, project))
                .and(CELL_RUN_ID.ne(runId))
                .and(read.runIds().isEmpty() ? DSL.noCondition() : CELL_RUN_ID.notIn(read.runIds()))
                .orderBy(CELL_ID).limit(1).fetchOptional(CELL_RUN_ID);
        if (since.isPresent()) {
            throw new IllegalStateException("Cannot publish run " + runId + " of " + extractId + ": run "
                    + since.get() + " of project " + project + " released aggregate cells while it ran, after it"
                    + " checked its cells against the release ledger; run it again, so that its cells are checked"
                    + " against that release's");
        }
    }

    /** The ledger's cells of an extract and of every release of its project. */
    private static Condition ofExtractOrProject(String extractId, String project) {
        return CELL_EXTRACT_ID.eq(extractId).or(CELL_RUN_ID.in(
                select(RELEASE_RUN_ID).from(RELEASE).where(RELEASE_PROJECT.eq(project))));
    }

    private static String json(Map<String, String> dimensions) {
        try {
            return JSON.writeValueAsString(dimensions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write dimension values as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, String> dimensions(JSONB json) {
        try {
            return JSON.readValue(json.data(), new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read dimension values from the release ledger: "
                    + e.getOriginalMessage(), e);
        }
    }
}
