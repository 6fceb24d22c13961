package org.trex.plan;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.select;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.TableField;
import org.trex.optout.AllowListQueries;
import org.trex.optout.ExclusionQueries;
import org.trex.optout.ExclusionQueryBuilder;
import org.trex.plan.ListedValues.DatesIndexEvents;
import org.trex.source.SourceCatalog;
import org.trex.source.SourceDataset;
import org.trex.source.SourceField;
import org.trex.source.SqlText;
import org.trex.spec.AggregateOutput;
import org.trex.spec.BoardRegister;
import org.trex.spec.CohortSpec;
import org.trex.spec.DataOrigin;
import org.trex.spec.ExtractSpec;
import org.trex.spec.FieldCategory;
import org.trex.spec.FieldDescriptor;
import org.trex.spec.FieldSpec;
import org.trex.spec.MeasureSpec;
import org.trex.spec.OutputSpec;
import org.trex.spec.Policy;
import org.trex.spec.RecordOutput;
import org.trex.spec.VariableSpec;
import org.trex.variable.IndexRows;
import org.trex.variable.VariableReads;
import org.trex.variable.VariableWords;

/**
 * Turns a validated spec and its policy into an {@link ExtractPlan}: one jOOQ query per output over
 * the source catalog, so only tables and fields the schema allows can be read and every spec value is
 * a bound or escaped literal, never SQL text.
 */
public final class Planner {
    private static final String COHORT = "cohort";
    private static final String INDEX_ROW_ID = "index_row_id";
    private static final String INDEX_NHS_NUMBER = "index_nhs_number";
    private static final String INDEX_DATE = "index_date";
    private static final String INDEX_FIELD_PREFIX = "index__";
    private static final String WHERE_PREFIX = "trex_where_";
    private static final String MEAN_PREFIX = "trex_mean_";
    private static final String READ_PREFIX = "trex_read_";
    private static final String NO_BOARD = "none";

    private final SourceCatalog catalog;
    private final Clock clock;

    public Planner(SourceCatalog catalog) {
        this(catalog, Clock.systemDefaultZone());
    }

    /** A planner whose today, the day opt-outs are checked on for as-of dates before it, is {@code clock}'s. */
    public Planner(SourceCatalog catalog, Clock clock) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Plans a loaded spec under its policy as of a date for its SQL alone (a cohort to request opt-outs for), under
     * no board register: its hash never equals that of a plan a run checks, so no approval can match it.
     */
    public ExtractPlan plan(org.trex.spec.LoadedSpec loaded, LocalDate asOf) {
        requireNonNull(loaded, "loaded is null");
        return plan(loaded.spec().value(), loaded.policy().value(), asOf,
                org.trex.spec.Canonical.json(loaded.spec().value()),
                org.trex.spec.Canonical.json(loaded.policy().value()));
    }

    /**
     * Plans a loaded spec under its policy as of a date, for approval by the board in {@code board}; the hash covers
     * the spec's and policy's canonical forms and the board register's SHA-256.
     */
    public ExtractPlan plan(org.trex.spec.LoadedSpec loaded, BoardRegister board, LocalDate asOf) {
        requireNonNull(loaded, "loaded is null");
        requireNonNull(board, "board is null");
        return plan(loaded.spec().value(), loaded.policy().value(), asOf,
                org.trex.spec.Canonical.json(loaded.spec().value()),
                org.trex.spec.Canonical.json(loaded.policy().value()),
                board.sha256());
    }

    /**
     * Plans a spec under its policy as of a date with no board register, for rendering and tests: its hash covers
     * no register, so it never equals the hash of a plan a run checks, and no approval can match it.
     */
    public ExtractPlan plan(ExtractSpec spec, Policy policy, LocalDate asOf, String specCanonical,
            String policyCanonical) {
        return plan(spec, policy, asOf, specCanonical, policyCanonical, NO_BOARD);
    }

    /**
     * Plans a spec under its policy as of a date. {@code specCanonical} and {@code policyCanonical} are
     * the canonical JSON forms the plan hash covers, with {@code boardSha256}, the board register's SHA-256.
     */
    public ExtractPlan plan(ExtractSpec spec, Policy policy, LocalDate asOf, String specCanonical,
            String policyCanonical, String boardSha256) {
        requireNonNull(spec, "spec is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(boardSha256, "boardSha256 is null");
        Param<LocalDate> asOfParam = SqlText.asOf(asOf);
        // Objections and opt-outs stand as they do on the day the extract is made, however far back its as-of date:
        // one made since that date applies to what leaves now.
        LocalDate today = LocalDate.now(clock);
        LocalDate optOutsOn = asOf.isAfter(today) ? asOf : today;
        Param<LocalDate> optOutsOnParam = SqlText.optOutsOn(optOutsOn);
        List<OutputPlan> outputs = new ArrayList<>();
        Set<DataOrigin> origins = new LinkedHashSet<>();
        origins.add(catalog.indexSource(spec.cohort().indexEvent()).origin());
        for (OutputSpec output : spec.outputs()) {
            outputs.add(planOutput(spec, policy, output, asOfParam, optOutsOnParam));
            origins.add(catalog.source(output.dataset()).origin());
        }
        ExclusionQueries exclusions = ExclusionQueryBuilder.build(policy, List.copyOf(origins), optOutsOn);
        IndexRows rows = IndexRows.of(spec, catalog, asOfParam);
        Condition inCohort = rows.cohort();
        Optional<AllowListQueries.Join> cohortList = OptOutColumns.allowList(policy, rows.index().nhsNumber(),
                optOutsOnParam);
        String cohortSql = SqlText.inlined(select(rows.index().rowId().as(OutputPlan.ROW_ID),
                rows.index().nhsNumber().as(OutputPlan.NHS_NUMBER), OptOutColumns.onAllowList(cohortList),
                OptOutColumns.recordObjection(rows.index(), optOutsOnParam))
                .from(OptOutColumns.withAllowList(rows.from(), cohortList)).where(inCohort));
        List<PlannedVariable> variables = planVariables(spec, asOfParam);
        StringBuilder hashed = new StringBuilder()
                .append("spec\n").append(specCanonical).append("\npolicy\n").append(policyCanonical)
                .append("\nboard\n").append(boardSha256);
        variables.forEach(v -> hashed.append("\nvariable ").append(v.name()).append('\n').append(v.sqlTemplate()));
        outputs.forEach(o -> hashed.append("\noutput ").append(o.name()).append('\n').append(o.sqlTemplate()));
        // The groups an aggregate lists whether or not anyone is in them are part of what leaves.
        outputs.stream().filter(o -> o.output() instanceof AggregateOutput).forEach(o -> o.columns().forEach(
                c -> c.values().ifPresent(v -> hashed.append("\ngroups of ").append(o.name()).append('.')
                        .append(c.name()).append('\n').append(v))));
        Optional<ScanPlan> scan = planScan(spec, policy, outputs, asOfParam, optOutsOnParam);
        scan.ifPresent(r -> hashed.append("\nshared read ").append(r.outputs()).append('\n').append(r.sqlTemplate()));
        exclusions.queries().forEach(q -> hashed.append("\nexclusion ").append(q.reason().code()).append('\n')
                .append(q.sqlTemplate()));
        return new ExtractPlan(spec, policy, asOf, optOutsOn, variables, outputs, scan.stream().toList(), exclusions,
                cohortSql, sha256(specCanonical), sha256(policyCanonical), boardSha256, sha256(hashed.toString()));
    }

    private OutputPlan planOutput(ExtractSpec spec, Policy policy, OutputSpec output, Param<LocalDate> asOf,
            Param<LocalDate> optOutsOn) {
        IndexRows rows = IndexRows.of(spec, catalog, asOf);
        SourceDataset index = rows.index();
        SourceDataset dataset = catalog.source(output.dataset());
        boolean isIndex = dataset.name().equals(index.name());
        List<FieldSpec> fields = output instanceof RecordOutput r ? r.fields() : ((AggregateOutput) output).groupBy();
        List<MeasureSpec> measureSpecs = output instanceof AggregateOutput a ? a.measures() : List.of();

        List<PlannedColumn> columns = new ArrayList<>();
        for (FieldSpec field : fields) {
            if (field.name().startsWith(OutputPlan.INTERNAL_PREFIX)) {
                throw new IllegalArgumentException("Cannot plan column " + field.name() + " of output " + output.name()
                        + ": names starting with " + OutputPlan.INTERNAL_PREFIX + " are TREx's own");
            }
            boolean fromIndex = field.fromIndexEvent() || isIndex;
            Optional<VariableSpec> variable = fromIndex ? spec.variable(field.sourceField()) : Optional.empty();
            columns.add(variable.isPresent() ? variableColumn(spec, field, variable.get())
                    : column(spec, field, (fromIndex ? index : dataset).requireField(field.sourceField()),
                            fromIndex && field.sourceField().equals(SourceCatalog.indexDateField(
                                    spec.cohort().indexEvent())) ? DatesIndexEvents.YES : DatesIndexEvents.NO));
        }
        List<PlannedMeasure> measures = new ArrayList<>();
        for (MeasureSpec measure : measureSpecs) {
            measure.where().ifPresent(w -> requireFlag(w,
                    isIndex ? rows.category(w) : dataset.requireField(w).descriptor().category(), output));
            measures.add(new PlannedMeasure(measure, measure.where().map(w -> WHERE_PREFIX + measure.name()),
                    measure.mean().map(m -> MEAN_PREFIX + measure.name())));
        }

        Field<LocalDate> indexDate = rows.indexDate();
        List<SelectField<?>> selected = new ArrayList<>();
        org.jooq.Select<?> query;
        Set<String> tables = new LinkedHashSet<>();
        index.tables().forEach(t -> tables.add(qualified(t)));
        if (isIndex) {
            selected.add(index.rowId().as(OutputPlan.ROW_ID));
            selected.add(index.nhsNumber().as(OutputPlan.NHS_NUMBER));
            selected.add(indexDate.as(OutputPlan.INDEX_DATE));
            Optional<AllowListQueries.Join> list = OptOutColumns.allowList(policy, index.nhsNumber(), optOutsOn);
            selected.add(OptOutColumns.onAllowList(list));
            selected.add(OptOutColumns.recordObjection(index, optOutsOn));
            indexValues(fields, measures).forEach((column, value) -> selected.add(rows.field(value).as(column)));
            Condition inCohort = rows.cohort();
            query = select(selected).from(OptOutColumns.withAllowList(rows.from(), list)).where(inCohort);
        } else {
            List<SelectField<?>> cohortFields = new ArrayList<>(List.of(
                    index.rowId().as(INDEX_ROW_ID), index.nhsNumber().as(INDEX_NHS_NUMBER), indexDate.as(INDEX_DATE)));
            Set<String> indexFields = new LinkedHashSet<>();
            fields.stream().filter(FieldSpec::fromIndexEvent).forEach(f -> indexFields.add(f.sourceField()));
            indexFields.forEach(f -> cohortFields.add(rows.field(f).as(INDEX_FIELD_PREFIX + f)));
            Condition inCohort = rows.cohort();
            Table<?> cohortTable = select(cohortFields).from(rows.from()).where(inCohort).asTable(COHORT);
            Field<LocalDate> cohortDate = cohortTable.field(INDEX_DATE, LocalDate.class);

            selected.add(dataset.rowId().as(OutputPlan.ROW_ID));
            selected.add(dataset.nhsNumber().as(OutputPlan.NHS_NUMBER));
            selected.add(cohortDate.as(OutputPlan.INDEX_DATE));
            Optional<AllowListQueries.Join> list = OptOutColumns.allowList(policy, dataset.nhsNumber(), optOutsOn);
            selected.add(OptOutColumns.onAllowList(list));
            selected.add(OptOutColumns.recordObjection(dataset, optOutsOn));
            for (FieldSpec field : fields) {
                Field<?> expression = field.fromIndexEvent()
                        ? cohortTable.field(INDEX_FIELD_PREFIX + field.sourceField())
                        : dataset.requireField(field.sourceField()).expression();
                selected.add(expression.as(field.name()));
            }
            for (MeasureSpec measure : measureSpecs) {
                measure.where().ifPresent(w -> selected.add(dataset.requireField(w).expression()
                        .as(WHERE_PREFIX + measure.name())));
                measure.mean().ifPresent(m -> selected.add(dataset.requireField(m).expression()
                        .as(MEAN_PREFIX + measure.name())));
            }
            for (PlannedMeasure measure : measures) {
                measure.sumColumn().ifPresent(c -> selected.add(dataset.requireField(measure.spec().sum().orElseThrow())
                        .expression().as(c)));
                measure.byColumn().ifPresent(c -> selected.add(dataset.requireField(measure.spec().by().orElseThrow())
                        .expression().as(c)));
            }
            Condition window = dataset.eventDate()
                    .map(date -> date.between(cohortDate.plus(inline(output.window().fromDays())),
                                    cohortDate.plus(inline(output.window().toDays())))
                            .and(date.le(asOf)))
                    .orElse(noCondition());
            Table<?> joined = dataset.from()
                    .join(cohortTable).on(SourceCatalog.linkKey(dataset.nhsNumber())
                            .eq(SourceCatalog.linkKey(cohortTable.field(INDEX_NHS_NUMBER, String.class))));
            query = select(selected).from(OptOutColumns.withAllowList(joined, list)).where(window);
            dataset.tables().forEach(t -> tables.add(qualified(t)));
        }
        return new OutputPlan(output, List.copyOf(tables), columns, measures, SqlText.template(query),
                SqlText.inlined(query));
    }

    /**
     * What an output on the index dataset selects besides TREx's own columns: each SQL column name mapped to the
     * variable or index field it holds, in the order of its SELECT.
     */
    private static Map<String, String> indexValues(List<FieldSpec> fields, List<PlannedMeasure> measures) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field.name(), field.sourceField()));
        for (PlannedMeasure measure : measures) {
            measure.whereColumn().ifPresent(c -> values.put(c, measure.spec().where().orElseThrow()));
            measure.meanColumn().ifPresent(c -> values.put(c, measure.spec().mean().orElseThrow()));
        }
        for (PlannedMeasure measure : measures) {
            measure.sumColumn().ifPresent(c -> values.put(c, measure.spec().sum().orElseThrow()));
            measure.byColumn().ifPresent(c -> values.put(c, measure.spec().by().orElseThrow()));
        }
        return values;
    }

    /**
     * One read shared by the outputs on the index dataset, when there are two or more: their outputs' SELECTs
     * differ only in the values they take from the same cohort, so PostgreSQL evaluates the cohort, its lateral joins
     * and its episodes once, selecting each value once however many outputs use it.
     */
    private Optional<ScanPlan> planScan(ExtractSpec spec, Policy policy, List<OutputPlan> outputs,
            Param<LocalDate> asOf, Param<LocalDate> optOutsOn) {
        IndexRows rows = IndexRows.of(spec, catalog, asOf);
        SourceDataset index = rows.index();
        List<OutputPlan> onIndex = outputs.stream().filter(o -> o.output().dataset().equals(index.name())).toList();
        if (onIndex.size() < 2) {
            return Optional.empty();
        }
        List<String> own = List.of(OutputPlan.ROW_ID, OutputPlan.NHS_NUMBER, OutputPlan.INDEX_DATE,
                OutputPlan.ON_ALLOW_LIST, OutputPlan.RECORD_OBJECTION);
        Optional<AllowListQueries.Join> list = OptOutColumns.allowList(policy, index.nhsNumber(), optOutsOn);
        List<SelectField<?>> selected = new ArrayList<>(List.of(index.rowId().as(OutputPlan.ROW_ID),
                index.nhsNumber().as(OutputPlan.NHS_NUMBER), rows.indexDate().as(OutputPlan.INDEX_DATE),
                OptOutColumns.onAllowList(list), OptOutColumns.recordObjection(index, optOutsOn)));
        Map<String, String> readColumns = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        Set<String> tables = new LinkedHashSet<>();
        for (OutputPlan output : onIndex) {
            Map<String, String> mapping = new LinkedHashMap<>();
            own.forEach(column -> mapping.put(column, column));
            List<FieldSpec> fields = output.output() instanceof RecordOutput r ? r.fields()
                    : ((AggregateOutput) output.output()).groupBy();
            indexValues(fields, output.measures()).forEach((column, value) -> mapping.put(column,
                    readColumns.computeIfAbsent(value, v -> {
                        String name = READ_PREFIX + (readColumns.size() + 1);
                        selected.add(rows.field(v).as(name));
                        return name;
                    })));
            columns.put(output.name(), mapping);
            tables.addAll(output.sourceTables());
        }
        // The cohort's own conditions may join more: asked for before the joins are taken.
        Condition inCohort = rows.cohort();
        org.jooq.Select<?> query = select(selected).from(OptOutColumns.withAllowList(rows.from(), list))
                .where(inCohort);
        return Optional.of(new ScanPlan(index.name(), List.copyOf(tables), columns, SqlText.template(query),
                SqlText.inlined(query)));
    }

    /** Each variable of the spec with its definition in words and the SQL that computes it for every index event. */
    private List<PlannedVariable> planVariables(ExtractSpec spec, Param<LocalDate> asOf) {
        List<PlannedVariable> planned = new ArrayList<>();
        for (VariableSpec variable : spec.variables()) {
            IndexRows rows = IndexRows.of(spec, catalog, asOf);
            Field<?> value = rows.field(variable.name());
            String sql = SqlText.template(select(rows.index().rowId().as(OutputPlan.ROW_ID), value.as(variable.name()))
                    .from(rows.from()));
            planned.add(new PlannedVariable(variable.name(), variable.type(), variable.description(),
                    VariableWords.describe(variable), sourceColumns(spec, variable.name()), sql));
        }
        return planned;
    }

    private PlannedColumn variableColumn(ExtractSpec spec, FieldSpec field, VariableSpec variable) {
        return new PlannedColumn(field.name(), field.source(), variable.type().category(), field.form(),
                sourceColumns(spec, variable.name()), Optional.empty(), Optional.of(variable.description()),
                ListedValues.of(spec.cohort(), field.form(), variable));
    }

    /** The source table columns a variable reads, as {@code schema.table.column}. */
    private List<String> sourceColumns(ExtractSpec spec, String variable) {
        Set<String> columns = new LinkedHashSet<>();
        for (String read : VariableReads.of(spec, variable)) {
            int dot = read.indexOf('.');
            catalog.source(read.substring(0, dot)).requireField(read.substring(dot + 1)).inputs()
                    .forEach(c -> columns.add(qualified(c)));
        }
        return List.copyOf(columns);
    }

    private static void requireFlag(String name, FieldCategory category, OutputSpec output) {
        if (category != FieldCategory.FLAG) {
            throw new IllegalArgumentException("Cannot count where " + name + " in output " + output.name()
                    + ": it is a " + category.yamlName() + " field, not a flag");
        }
    }

    private static PlannedColumn column(ExtractSpec spec, FieldSpec field, SourceField source,
            DatesIndexEvents datesIndexEvents) {
        List<String> inputs = source.inputs().stream().map(Planner::qualified).toList();
        Optional<String> derivation = source.isDerived() ? Optional.of(source.descriptor().description())
                : Optional.empty();
        FieldDescriptor descriptor = source.descriptor();
        return new PlannedColumn(field.name(), field.source(), descriptor.category(), field.form(),
                inputs, source.identifierKind(), derivation, ListedValues.of(spec.cohort(), field.form(),
                        descriptor.category(), descriptor.codes(), datesIndexEvents));
    }

    private static String qualified(TableField<?, ?> column) {
        return qualified(column.getTable()) + "." + column.getName();
    }

    private static String qualified(Table<?> table) {
        return table.getSchema().getName() + "." + table.getName();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute SHA-256: the JVM lacks it", e);
        }
    }
}
