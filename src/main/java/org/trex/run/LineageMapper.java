package org.trex.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Table;
import org.trex.extract.BuildInfo;
import org.trex.governance.SignedApproval;
import org.trex.lineage.ApprovalRecord;
import org.trex.lineage.SignerRecord;
import org.trex.lineage.ColumnLineage;
import org.trex.lineage.DisclosureMeasures;
import org.trex.lineage.Exclusion;
import org.trex.lineage.Field;
import org.trex.lineage.FileFormat;
import org.trex.lineage.InputField;
import org.trex.lineage.KeyIdentity;
import org.trex.lineage.LineageRun;
import org.trex.lineage.Masking;
import org.trex.lineage.Output;
import org.trex.lineage.OutputFile;
import org.trex.lineage.OutputKind;
import org.trex.lineage.PolicyIdentity;
import org.trex.lineage.Reconciliation;
import org.trex.lineage.Source;
import org.trex.lineage.SpecIdentity;
import org.trex.lineage.Transformation;
import org.trex.lineage.TransformationSubtype;
import org.trex.lineage.TransformationType;
import org.trex.linkage.LinkageSection;
import org.trex.optout.NationalList;
import org.trex.plan.AggregateGroups;
import org.trex.plan.ExtractPlan;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedColumn;
import org.trex.plan.ScanPlan;
import org.trex.plan.PlannedMeasure;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseUrl;
import org.trex.source.jooq.DefaultCatalog;
import org.trex.spec.MeasureKind;
import org.trex.spec.AggregateOutput;
import org.trex.spec.ExtractSpec;
import org.trex.spec.FieldForm;

/** Describes a run in the lineage model: what it read, left out and wrote, column by column. */
final class LineageMapper {
    private static final Transformation OPT_OUT_FILTER = new Transformation(TransformationType.INDIRECT,
            TransformationSubtype.FILTER, "records left out when the NHS number is missing, invalid or opted out",
            Masking.NOT_MASKED);

    private LineageMapper() {
    }

    static LineageRun started(RunRequest request, ExtractPlan plan, SignedApproval approval, PseudonymKey key,
            NationalList nationalList, Instant started, String sparkVersion) {
        ExtractSpec spec = plan.spec();
        var projectKey = plan.policy().key(spec.project());
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("as_of", request.asOf().toString());
        parameters.put("opt_outs_checked_on", plan.optOutsOn().toString());
        parameters.put("run_id", request.runId().toString());
        parameters.put("source_database", request.source().redacted());
        parameters.put("governance_database", request.governance().redacted());
        parameters.put("output_root", request.outputRoot().toAbsolutePath().toString());
        parameters.put("key_file", request.resolvedKeyFile().toString());
        request.schedulerRunId().ifPresent(id -> parameters.put("scheduler_run_id", id));
        // The list's date only: the numbers on it never leave the source database.
        parameters.put("national_data_opt_out_list_date",
                nationalList.listDate().map(LocalDate::toString)
                .orElse(nationalList.status().name().toLowerCase(Locale.ROOT)));
        return LineageRun.of(request.runId(), started, request.asOf(), request.parent(),
                new SpecIdentity(spec.id(), Integer.toString(spec.version()), spec.title(), spec.purpose().strip(),
                        spec.requester(), spec.legalBasis().strip(), plan.specSha256()),
                new PolicyIdentity(plan.policy().id(), plan.policySha256(), plan.policy().disclosure()),
                plan.planHash(),
                Optional.of(approvalRecord(approval)),
                new KeyIdentity(projectKey.map(k -> k.name()).orElse(spec.project()), key.id()),
                BuildInfo.current(), sparkVersion, parameters,
                sources(plan, request.source(), Map.of()), List.of(), List.of());
    }

    /** The approval as lineage shows it: the statement, the register's digest and each signer with their key. */
    private static ApprovalRecord approvalRecord(SignedApproval signed) {
        var approval = signed.approval();
        return new ApprovalRecord(approval.reference(), approval.approvedAt(), approval.expiresOn(),
                approval.conditions().map(List::of).orElse(List.of()), signed.statement().text(),
                signed.board().sha256(),
                signed.tally().signers().stream().map(s -> new SignerRecord(s.member().id(), s.member().name(),
                        s.member().role(), s.member().organisation(), s.member().key().fingerprint(), s.signature()))
                        .toList());
    }

    static LineageRun finished(LineageRun started, ExtractPlan plan, ExtractJob.Result job, DatabaseUrl source,
            LinkageSection missed) {
        Map<String, Long> rowsByTable = new LinkedHashMap<>();
        // Counted for each output, as its rows in and the rows each reason left out are, so that the lineage's counts
        // add up: a read the outputs share is counted once for each of them, though PostgreSQL gave its rows once.
        job.outputs().forEach(result -> rowsByTable.merge(mainTable(result.plan()), result.rowsRead(), Long::sum));
        List<Exclusion> leftOut = job.leftOut().stream()
                .map(count -> new Exclusion(count.reason(), count.rows(), count.people())).toList();
        List<Source> sources = sources(plan, source, rowsByTable);
        List<Output> outputs = job.outputs().stream().map(r -> output(r, plan, sources)).toList();
        return started.finished(sources, leftOut, outputs, missed);
    }

    private static List<Source> sources(ExtractPlan plan, DatabaseUrl url, Map<String, Long> rowsByTable) {
        Map<String, List<String>> sqlByTable = new LinkedHashMap<>();
        Map<String, Set<String>> columnsByTable = new LinkedHashMap<>();
        for (ScanPlan scan : plan.scans()) {
            for (String table : scan.sourceTables()) {
                sqlByTable.computeIfAbsent(table, t -> new ArrayList<>()).add("-- read shared by outputs "
                        + String.join(", ", scan.outputs()) + "\n" + scan.sqlTemplate());
            }
        }
        for (OutputPlan output : plan.outputs()) {
            for (String table : output.sourceTables()) {
                if (plan.scanOf(output.name()).isEmpty()) {
                    sqlByTable.computeIfAbsent(table, t -> new ArrayList<>()).add("-- output " + output.name() + "\n"
                            + output.sqlTemplate());
                }
                columnsByTable.computeIfAbsent(table, t -> new LinkedHashSet<>());
            }
            for (PlannedColumn column : output.columns()) {
                for (String qualified : column.sourceColumns()) {
                    String table = qualified.substring(0, qualified.lastIndexOf('.'));
                    columnsByTable.computeIfAbsent(table, t -> new LinkedHashSet<>())
                            .add(qualified.substring(qualified.lastIndexOf('.') + 1));
                }
            }
        }
        List<Source> sources = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : columnsByTable.entrySet()) {
            String table = entry.getKey();
            List<Field> fields = entry.getValue().stream().map(column -> new Field(column, sqlType(table, column)))
                    .toList();
            String sql =
                    String.join("\n\n", sqlByTable.getOrDefault(table, List.of("-- read through correlated look-ups")));
            sources.add(new Source(namespace(url), url.databaseName() + "." + table, sql,
                    rowsByTable.containsKey(table) ? OptionalLong.of(rowsByTable.get(table)) : OptionalLong.empty(),
                    fields));
        }
        return sources;
    }

    private static Output output(OutputResult result, ExtractPlan plan, List<Source> sources) {
        OutputPlan outputPlan = result.plan();
        boolean aggregate = outputPlan.output() instanceof AggregateOutput;
        String database = sources.get(0).name().substring(0, sources.get(0).name().indexOf('.'));
        String namespace = sources.get(0).namespace();
        String main = database + "." + mainTable(outputPlan);
        List<ColumnLineage> lineage = new ArrayList<>();
        for (PlannedColumn column : outputPlan.columns()) {
            List<InputField> inputs = new ArrayList<>();
            for (String qualified : column.sourceColumns()) {
                int dot = qualified.lastIndexOf('.');
                inputs.add(new InputField(namespace, database + "." + qualified.substring(0, dot),
                        qualified.substring(dot + 1),
                        transformation(column, aggregate)));
            }
            inputs.add(new InputField(namespace, main, "nhs_number", OPT_OUT_FILTER));
            lineage.add(new ColumnLineage(column.name(), inputs));
        }
        for (PlannedMeasure measure : outputPlan.measures()) {
            String description = measure.spec().words() + ", " + (measure.kind() == MeasureKind.COUNT
                    ? "small counts suppressed, others rounded" : measure.spec().control());
            lineage.add(new ColumnLineage(measure.name(), List.of(new InputField(namespace, main, "nhs_number",
                    new Transformation(TransformationType.INDIRECT, TransformationSubtype.AGGREGATION, description,
                            Masking.MASKED)))));
        }
        List<OutputFile> files = result.files().stream()
                .map(f -> new OutputFile(f.path(), FileFormat.valueOf(f.format().toUpperCase(java.util.Locale.ROOT)),
                        f.rows(), f.bytes(), f.sha256()))
                .toList();
        DisclosureOutcome disclosure = result.disclosure();
        int k = plan.policy().disclosure().k();
        Optional<DisclosureMeasures> measures = aggregate
                ? Optional.of(new DisclosureMeasures.Cells(disclosure.rule(), disclosure.cells(),
                        disclosure.cellsSuppressed(), disclosure.action(), AggregateGroups.words(outputPlan),
                        disclosure.notes()))
                : disclosure.after().map(after -> new DisclosureMeasures.Records(k, after.smallestClass(),
                        after.uniqueShare(), disclosure.action() + " on " + disclosure.quasiIdentifiers(),
                        disclosure.valuesSuppressed()));
        return new Output(outputPlan.name(), aggregate ? OutputKind.AGGREGATE : OutputKind.RECORDS, main,
                result.schema().stream().map(c -> new Field(c.name(), c.type())).toList(), files,
                new Reconciliation(result.rowsRead(), result.rowsLeftOut(), result.rowsUsed()),
                result.contentSha256(), lineage, measures);
    }

    private static Transformation transformation(PlannedColumn column, boolean aggregate) {
        if (column.form() == FieldForm.PSEUDONYM) {
            return Transformation.pseudonym();
        }
        if (column.form() == FieldForm.AS_IS && column.derivation().isEmpty() && !aggregate) {
            return Transformation.identity();
        }
        return new Transformation(TransformationType.DIRECT,
                aggregate ? TransformationSubtype.GROUP_BY : TransformationSubtype.TRANSFORMATION,
                column.transformation(), column.masked() ? Masking.MASKED : Masking.NOT_MASKED);
    }

    /** The table whose rows an output reads one for one (its dataset's row ID table). */
    private static String mainTable(OutputPlan output) {
        Table<?> table = org.trex.source.SourceCatalog.standard().source(output.output().dataset()).rowId().getTable();
        return table.getSchema().getName() + "." + table.getName();
    }

    private static String namespace(DatabaseUrl url) {
        return "postgres://" + url.hostAndPort();
    }

    private static String sqlType(String qualifiedTable, String column) {
        String[] parts = qualifiedTable.split("\\.");
        var schema = DefaultCatalog.DEFAULT_CATALOG.getSchema(parts[0]);
        var table = schema == null ? null : schema.getTable(parts[1]);
        var field = table == null ? null : table.field(column);
        return field == null ? "unknown" : field.getDataType().getTypeName();
    }
}
