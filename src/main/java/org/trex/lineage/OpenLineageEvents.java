package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;
import org.trex.linkage.LinkageJson;

/**
 * Builds the OpenLineage 2-0-2 RunEvents of an extract run as Jackson trees: START before reading, then
 * COMPLETE with counts, files and column lineage, or FAIL with the error. Hand-built trees rather than the
 * openlineage-java client keep TREx on Spark's Jackson and let the events carry TREx's own facets plainly.
 */
public final class OpenLineageEvents {
    /** The producer URI in every event and facet. */
    public static final String PRODUCER = "https://github.com/trex-tre/trex";
    /** The schema of the events. */
    public static final String SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    /** Where TREx's own facet schemas live (bundled under {@code lineage/schemas/}). */
    public static final String TREX_FACETS_URL = "https://trex-tre.github.io/trex/spec/facets/1-0-0/";
    /** The namespace of output datasets: files under the extract root. */
    public static final String OUTPUT_NAMESPACE = "file";

    private static final String OL_FACETS_URL = "https://openlineage.io/spec/facets/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenLineageEvents() {
    }

    /** The START event: job, run facets and the inputs as planned (no counts yet). */
    public static ObjectNode start(LineageRun run) {
        requireNonNull(run, "run is null");
        return event(run, EventType.START, run.startedAt());
    }

    /**
     * The COMPLETE event: everything, including rows read, exclusions, reconciliation, output files and the linkage
     * and exclusions section. Every count is shown as the policy's disclosure rules show them ({@link
     * PublishedCounts}), but those the data files show already: a file's rows, a record output's rows out.
     */
    public static ObjectNode complete(LineageRun run, Instant completedAt) {
        requireNonNull(run, "run is null");
        requireNonNull(completedAt, "completedAt is null");
        ObjectNode event = event(run, EventType.COMPLETE, completedAt);
        LineageCells cells = LineageCells.of(run);
        for (int i = 0; i < run.sources().size(); i++) {
            inputStatistics(run.sources().get(i), cells, (ObjectNode) event.get("inputs").get(i).get("inputFacets"));
        }
        ObjectNode facets = (ObjectNode) event.get("run").get("facets");
        facets.set("trex_exclusions", exclusions(run, cells));
        facets.set("trex_reconciliation", reconciliation(run, cells));
        facets.set("trex_outputFiles", outputFiles(run));
        run.linkage().ifPresent(section -> facets.set("trex_linkage",
                LinkageJson.fill(trexFacet("TrexLinkageRunFacet"), section)));
        return event;
    }

    /** The FAIL event: what START says, and the error message (which must not hold a person's data). */
    public static ObjectNode fail(LineageRun run, Instant failedAt, String message) {
        requireNonNull(run, "run is null");
        requireNonNull(failedAt, "failedAt is null");
        requireNonNull(message, "message is null");
        ObjectNode event = event(run, EventType.FAIL, failedAt);
        ((ObjectNode) event.get("run").get("facets")).set("errorMessage", errorMessage(message));
        return event;
    }

    /**
     * The ABORT event of a run whose process died without ending it (kill -9, a power cut), sent by the process that
     * later records it as abandoned: it knows only the run's ID and its extract, so the event names no datasets.
     */
    public static ObjectNode abort(UUID runId, String extractId, Instant abortedAt, String message) {
        requireNonNull(runId, "runId is null");
        LineageChecks.requireText(extractId, "extractId");
        requireNonNull(abortedAt, "abortedAt is null");
        requireNonNull(message, "message is null");
        ObjectNode event = NODES.objectNode();
        event.put("eventType", EventType.ABORT.name());
        event.put("eventTime", abortedAt.toString());
        event.put("producer", PRODUCER);
        event.put("schemaURL", SCHEMA_URL);
        ObjectNode runNode = event.putObject("run");
        runNode.put("runId", runId.toString());
        runNode.putObject("facets").set("errorMessage", errorMessage(message));
        event.putObject("job").put("namespace", LineageRun.NAMESPACE).put("name", extractId);
        event.putArray("inputs");
        event.putArray("outputs");
        return event;
    }

    private enum EventType { START, COMPLETE, FAIL, ABORT }

    private static ObjectNode errorMessage(String message) {
        return olFacet("1-0-1/ErrorMessageRunFacet").put("message", message).put("programmingLanguage", "JAVA");
    }

    private static ObjectNode event(LineageRun run, EventType type, Instant at) {
        ObjectNode event = NODES.objectNode();
        event.put("eventType", type.name());
        event.put("eventTime", at.toString());
        event.put("producer", PRODUCER);
        event.put("schemaURL", SCHEMA_URL);
        ObjectNode runNode = event.putObject("run");
        runNode.put("runId", run.runId().toString());
        runNode.set("facets", runFacets(run));
        ObjectNode job = event.putObject("job");
        job.put("namespace", run.jobNamespace());
        job.put("name", run.jobName());
        job.set("facets", jobFacets(run));
        ArrayNode inputs = event.putArray("inputs");
        PublishedCounts counts = run.policy().counts();
        for (Source source : run.sources()) {
            inputs.add(input(source));
        }
        for (SourceLoad load : run.loads()) {
            inputs.add(input(load, counts));
        }
        ArrayNode outputs = event.putArray("outputs");
        for (Output output : run.outputs()) {
            outputs.add(output(run, output, type));
        }
        return event;
    }

    private static ObjectNode runFacets(LineageRun run) {
        ObjectNode facets = NODES.objectNode();
        facets.set("nominalTime", olFacet("1-0-1/NominalTimeRunFacet")
                .put("nominalStartTime", run.asOf().atStartOfDay().toInstant(ZoneOffset.UTC).toString()));
        run.parent().ifPresent(parent -> {
            ObjectNode facet = olFacet("1-2-0/ParentRunFacet");
            facet.putObject("run").put("runId", parent.runId().toString());
            facet.putObject("job").put("namespace", parent.namespace()).put("name", parent.name());
            facets.set("parent", facet);
        });
        facets.set("processing_engine", olFacet("1-1-1/ProcessingEngineRunFacet")
                .put("name", "spark")
                .put("version", run.sparkVersion()));
        ObjectNode parameters = olFacet("1-0-0/ExecutionParametersRunFacet");
        ArrayNode list = parameters.putArray("parameters");
        run.parameters().forEach((key, value) -> list.addObject().put("key", key).put("value", value));
        facets.set("executionParameters", parameters);
        SpecIdentity spec = run.spec();
        facets.set("trex_spec", trexFacet("TrexSpecRunFacet")
                .put("id", spec.id())
                .put("version", spec.version())
                .put("title", spec.title())
                .put("sha256", spec.sha256())
                .put("planHash", run.planHash()));
        ObjectNode policy = trexFacet("TrexPolicyRunFacet")
                .put("id", run.policy().id())
                .put("sha256", run.policy().sha256());
        run.policy().counts().state(policy);
        facets.set("trex_policy", policy);
        run.approval().ifPresent(approval -> {
            ObjectNode facet = trexFacet("TrexApprovalRunFacet")
                    .put("reference", approval.reference())
                    .put("recordedAt", approval.recordedAt().toString())
                    .put("expires", approval.expires().map(Object::toString).orElse(null));
            ArrayNode conditions = facet.putArray("conditions");
            approval.conditions().forEach(conditions::add);
            facet.put("statement", approval.statement()).put("boardRegisterSha256", approval.boardRegisterSha256());
            ArrayNode signers = facet.putArray("signers");
            approval.signers().forEach(signer -> signers.addObject()
                    .put("id", signer.id())
                    .put("name", signer.name())
                    .put("role", signer.role())
                    .put("organisation", signer.organisation())
                    .put("keyFingerprint", signer.keyFingerprint())
                    .put("signature", signer.signature()));
            facets.set("trex_approval", facet);
        });
        facets.set("trex_pseudonymisation", trexFacet("TrexPseudonymisationRunFacet")
                .put("keyName", run.key().name())
                .put("keyId", run.key().keyId())
                .put("algorithm", KeyIdentity.ALGORITHM));
        facets.set("trex_build", trexFacet("TrexBuildRunFacet")
                .put("version", run.build().version())
                .put("commit", run.build().commit()));
        return facets;
    }

    private static ObjectNode jobFacets(LineageRun run) {
        ObjectNode facets = NODES.objectNode();
        // The job sql facet holds one query, so each source's own SQL also goes on its input (trex_sourceQuery).
        if (!run.sources().isEmpty()) {
            String combined = run.sources().stream()
                    .map(source -> "-- " + source.name() + "\n" + source.sql().strip())
                    .collect(Collectors.joining(";\n\n", "", ";"));
            facets.set("sql", olFacet("1-1-0/SQLJobFacet").put("query", combined).put("dialect", "postgresql"));
        }
        facets.set("jobType", olFacet("2-0-4/JobTypeJobFacet")
                .put("processingType", "BATCH")
                .put("integration", "TREX")
                .put("jobType", "JOB"));
        facets.set("documentation", olFacet("1-1-0/DocumentationJobFacet")
                .put("description", run.spec().purpose())
                .put("contentType", "text/plain"));
        return facets;
    }

    private static ObjectNode input(Source source) {
        ObjectNode input = NODES.objectNode();
        input.put("namespace", source.namespace());
        input.put("name", source.name());
        ObjectNode facets = input.putObject("facets");
        facets.set("schema", schema(source.fields()));
        facets.set("dataSource", olFacet("1-0-1/DatasourceDatasetFacet")
                .put("name", source.namespace())
                .put("uri", source.namespace()));
        ObjectNode inputFacets = input.putObject("inputFacets");
        inputFacets.set("trex_sourceQuery", trexFacet("TrexSourceQueryInputDatasetFacet")
                .put("query", source.sql())
                .put("dialect", "postgresql"));
        return input;
    }

    /**
     * A source's rows read, as shown. A suppressed count, or none (a table only joined to), has no statistic: a reader
     * of the facet would take any number for the rows read.
     */
    private static void inputStatistics(Source source, LineageCells cells, ObjectNode inputFacets) {
        if (source.rowsRead().isPresent() && !cells.rowsRead(source).suppressed()) {
            inputFacets.set("inputStatistics", olFacet("1-0-0/InputStatisticsInputDatasetFacet")
                    .put("rowCount", cells.rowsRead(source).value().getAsLong()));
        }
    }

    /** A loaded file as an input dataset, versioned by its SHA-256. */
    private static ObjectNode input(SourceLoad load, PublishedCounts counts) {
        ObjectNode input = NODES.objectNode();
        input.put("namespace", SourceLoad.NAMESPACE);
        input.put("name", load.fileName());
        ObjectNode facets = input.putObject("facets");
        facets.set("version", olFacet("1-0-1/DatasetVersionDatasetFacet").put("datasetVersion", load.sha256()));
        ObjectNode facet = trexFacet("TrexLoadDatasetFacet")
                .put("source", load.source())
                .put("period", load.period());
        if (load.rowsLoaded().isPresent()) {
            counts.put(facet, "rowsLoaded", load.rowsLoaded().getAsLong());
        } else {
            facet.putNull("rowsLoaded");
        }
        facet.put("loadedAt", load.loadedAt().toString());
        // null says the rows were not held to the council's code; absent, that the source states no council.
        load.council().ifPresent(check -> check.heldTo().ifPresentOrElse(code -> facet.put("councilCode", code),
                () -> facet.putNull("councilCode")));
        facets.set("trex_load", facet);
        return input;
    }

    private static ObjectNode output(LineageRun run, Output output, EventType type) {
        ObjectNode node = NODES.objectNode();
        node.put("namespace", OUTPUT_NAMESPACE);
        node.put("name", outputName(run, output));
        ObjectNode facets = node.putObject("facets");
        facets.set("schema", schema(output.columns()));
        facets.set("columnLineage", columnLineage(output));
        if (type == EventType.COMPLETE) {
            output.disclosure().ifPresent(measures -> facets.set("trex_disclosure",
                    disclosure(measures, run.policy().counts())));
            node.putObject("outputFacets").set("outputStatistics",
                    olFacet("1-0-2/OutputStatisticsOutputDatasetFacet")
                            .put("rowCount", output.rowsWritten())
                            .put("size", output.bytes())
                            .put("fileCount", output.files().size()));
        }
        return node;
    }

    /** A record-level output's k-anonymity, or an aggregate's cells: what applies to each. */
    private static ObjectNode disclosure(DisclosureMeasures measures, PublishedCounts counts) {
        ObjectNode facet = trexFacet("TrexDisclosureOutputDatasetFacet");
        if (measures instanceof DisclosureMeasures.Records records) {
            facet.put("kind", OutputKind.RECORDS.code())
                    .put("kRequired", records.kRequired())
                    .put("smallestClass", records.smallestClass())
                    .put("uniqueShare", records.uniqueShare())
                    .put("action", records.action());
            counts.put(facet, "valuesSuppressed", records.valuesSuppressed());
        } else if (measures instanceof DisclosureMeasures.Cells cells) {
            facet.put("kind", OutputKind.AGGREGATE.code())
                    .put("rule", cells.rule())
                    .put("cells", cells.cells())
                    .put("cellsSuppressed", cells.cellsSuppressed())
                    .put("action", cells.action());
            cells.groups().ifPresent(groups -> facet.put("groups", groups));
            ArrayNode notes = facet.putArray("notes");
            cells.notes().forEach(notes::add);
        }
        return facet;
    }

    /** The dataset name of an output: extract, run and output, as laid out under the extract root. */
    public static String outputName(LineageRun run, Output output) {
        return run.jobName() + "/" + run.runId() + "/data/" + output.name();
    }

    private static ObjectNode schema(java.util.List<Field> fields) {
        ObjectNode facet = olFacet("1-2-0/SchemaDatasetFacet");
        ArrayNode list = facet.putArray("fields");
        fields.forEach(field -> list.addObject().put("name", field.name()).put("type", field.type()));
        return facet;
    }

    private static ObjectNode columnLineage(Output output) {
        ObjectNode facet = olFacet("1-2-0/ColumnLineageDatasetFacet");
        ObjectNode fields = facet.putObject("fields");
        for (ColumnLineage column : output.columnLineage()) {
            ArrayNode inputs = fields.putObject(column.column()).putArray("inputFields");
            for (InputField in : column.inputs()) {
                Transformation t = in.transformation();
                ObjectNode inputField = inputs.addObject()
                        .put("namespace", in.namespace())
                        .put("name", in.name())
                        .put("field", in.field());
                inputField.putArray("transformations").addObject()
                        .put("type", t.type().name())
                        .put("subtype", t.subtype().name())
                        .put("description", t.description())
                        .put("masking", t.masking().masks());
            }
        }
        return facet;
    }

    private static ObjectNode exclusions(LineageRun run, LineageCells cells) {
        ObjectNode facet = trexFacet("TrexExclusionsRunFacet");
        ArrayNode list = facet.putArray("exclusions");
        for (Exclusion e : run.exclusions()) {
            ObjectNode node = list.addObject().put("reason", e.reason());
            PublishedCounts.put(node, "rows", cells.rows(e));
            node.put("peopleCountable", e.peopleCountable());
            if (e.peopleCountable()) {
                PublishedCounts.put(node, "people", cells.people(e));
            } else {
                node.putNull("people");
            }
        }
        return facet;
    }

    /**
     * Rows in and left out as shown; a record output's rows out exactly, as its files hold them, and an aggregate's
     * not at all: the rows it counted are its cells' to show, as disclosure control published them.
     */
    private static ObjectNode reconciliation(LineageRun run, LineageCells cells) {
        ObjectNode facet = trexFacet("TrexReconciliationRunFacet");
        ArrayNode list = facet.putArray("outputs");
        for (Output output : run.outputs()) {
            Reconciliation r = output.reconciliation();
            ObjectNode node = list.addObject().put("name", output.name()).put("kind", output.kind().code());
            PublishedCounts.put(node, "rowsIn", cells.rowsIn(output));
            PublishedCounts.put(node, "rowsLeftOut", cells.rowsLeftOut(output));
            if (output.kind() == OutputKind.RECORDS) {
                node.put("rowsOut", r.rowsOut());
            }
        }
        return facet;
    }

    private static ObjectNode outputFiles(LineageRun run) {
        ObjectNode facet = trexFacet("TrexOutputFilesRunFacet");
        ArrayNode outputs = facet.putArray("outputs");
        for (Output output : run.outputs()) {
            ObjectNode node = outputs.addObject()
                    .put("name", output.name())
                    .put("kind", output.kind().code())
                    .put("contentSha256", output.contentSha256());
            ArrayNode files = node.putArray("files");
            output.files().forEach(file -> files.addObject()
                    .put("path", file.path())
                    .put("format", file.format().code())
                    .put("rows", file.rows())
                    .put("bytes", file.bytes())
                    .put("sha256", file.sha256()));
        }
        return facet;
    }

    private static ObjectNode olFacet(String versionAndName) {
        String name = versionAndName.substring(versionAndName.indexOf('/') + 1);
        return facet(OL_FACETS_URL + versionAndName + ".json#/$defs/" + name);
    }

    private static ObjectNode trexFacet(String name) {
        return facet(TREX_FACETS_URL + name + ".json#/$defs/" + name);
    }

    private static ObjectNode facet(String schemaUrl) {
        return NODES.objectNode().put("_producer", PRODUCER).put("_schemaURL", schemaUrl);
    }
}
