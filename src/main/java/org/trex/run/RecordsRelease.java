package org.trex.run;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.trex.disclosure.EquivalenceClasses;
import org.trex.disclosure.KAnonymityDecisions;
import org.trex.disclosure.RecordStep;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedColumn;
import org.trex.spec.DisclosureRules;
import org.trex.spec.FieldForm;
import org.trex.transform.Generalisations;

/**
 * Releases a records output: measures its classes of quasi-identifier values, takes the policy's action below k
 * (generalise, suppress, refuse), stages the rows as released and publishes them, with the counts of what was read,
 * used and left out.
 */
final class RecordsRelease {
    /** Where an output's rows come from: kept in memory by the read it shares, or streamed by its own read. */
    enum Rows {
        KEPT,
        STREAMED
    }

    private final DisclosureRules rules;
    private final OutputWriter writer;

    RecordsRelease(DisclosureRules rules, OutputWriter writer) {
        this.rules = requireNonNull(rules, "rules is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    /**
     * The output, disclosure-controlled and published. Its classes of quasi-identifier values are measured before
     * anything is written when its rows are kept in memory (a shared read's), so the rows are staged once, as
     * released; else staging measures them as it writes, and a second staging takes what disclosure control changed.
     */
    OutputResult release(OutputPlan output, Dataset<Row> kept, Rows rows, ExclusionTally tally) {
        List<String> pseudonyms = output.columns().stream().filter(c -> c.form() == FieldForm.PSEUDONYM)
                .map(PlannedColumn::name).toList();
        List<String> qis = output.quasiIdentifiers();
        Optional<String> person = output.personColumn();
        List<ExclusionCount> excluded = new ArrayList<>();
        DisclosureOutcome outcome;
        OutputWriter.Staged staged;
        long used;
        if (qis.isEmpty()) {
            staged = writer.stage(output.name(), kept, pseudonyms, qis, person);
            used = staged.rows();
            outcome = DisclosureOutcome.ofRecords(qis, Optional.empty(), Optional.empty(),
                    "none: no quasi-identifiers declared", 0, "k = " + rules.k());
        } else {
            // Measuring rows kept in memory costs a grouping; staging them twice costs a sort and a write.
            OutputWriter.Staged measured = rows == Rows.KEPT ? null : writer.stage(output.name(), kept, pseudonyms,
                    qis, person);
            KAnonymityDecisions decisions = new KAnonymityDecisions(rules);
            QuasiIdentifierClasses classes = measured == null ? QuasiIdentifierClasses.count(kept, qis)
                    : measured.classes();
            used = classes.sizes().stream().mapToLong(Long::longValue).sum();
            EquivalenceClasses before = EquivalenceClasses.measure(classes.sizes(), rules.k());
            RecordStep step = decisions.onMeasured(before);
            String action = "none: k met";
            long valuesSuppressed = 0;
            if (step == RecordStep.REFUSE) {
                if (measured != null) {
                    writer.discard(measured);
                }
                throw new DisclosureException("Cannot publish output " + output.name()
                        + ": its smallest equivalence class on " + qis + " has " + before.smallestClass()
                        + " records, the policy requires k = " + rules.k() + " and refuses the run below it");
            }
            Dataset<Row> released = step == RecordStep.KEEP || measured == null ? kept : writer.read(measured);
            if (step == RecordStep.GENERALISE) {
                released = coarsen(released, output, qis);
                action = "generalised " + qis;
                classes = QuasiIdentifierClasses.count(released, qis);
                step = decisions.onGeneralised(EquivalenceClasses.measure(classes.sizes(), rules.k()));
            }
            if (step == RecordStep.SUPPRESS) {
                // The classes are known with their values: what is blanked, and what is then all blank, needs no pass.
                valuesSuppressed = classes.rowsSuppressed(decisions::suppresses) * qis.size();
                long stillSmall = classes.rowsBlankAfterSuppressing(decisions::suppresses);
                released = classes.suppress(released, decisions::suppresses);
                action = (action.startsWith("none") ? "" : action + ", then ")
                        + "suppressed quasi-identifier values in classes below k";
                // Records whose fully suppressed class is still below k would stand out: drop them.
                Column allNull = Arrays.stream(cols(qis)).map(Column::isNull).reduce(Column::and).orElseThrow();
                if (decisions.dropsFullyBlanked(stillSmall)) {
                    released = released.filter(org.apache.spark.sql.functions.not(allNull));
                    excluded.add(new ExclusionCount(ExclusionCount.DISCLOSURE_SUPPRESSED, stillSmall, 0));
                    used -= stillSmall;
                    action += ", then dropped " + stillSmall + " records still below k";
                }
            }
            if (measured != null && released == kept) {
                staged = measured;
            } else {
                // Staging measures the released classes as it writes them: no pass of its own.
                staged = writer.stage(output.name(), released, pseudonyms, qis, person);
                if (measured != null) {
                    writer.discard(measured);
                }
            }
            EquivalenceClasses after = EquivalenceClasses.measure(staged.classes().sizes(), rules.k());
            outcome = DisclosureOutcome.ofRecords(qis, Optional.of(before), Optional.of(after), action,
                    valuesSuppressed, "k = " + rules.k() + ", below k: " + rules.belowK().yamlName());
        }
        List<ExclusionCount> leftOut = new ArrayList<>(tally.counts());
        leftOut.addAll(excluded);
        long read = used + leftOut.stream().mapToLong(ExclusionCount::rows).sum();
        OutputWriter.Written written = writer.publish(staged);
        return new OutputResult(output, read, leftOut, used, written.rows(), outcome, written.schema(),
                written.files(), written.contentSha256(), written.people());
    }

    private static Dataset<Row> coarsen(Dataset<Row> rows, OutputPlan output, List<String> qis) {
        Map<String, FieldForm> forms = new LinkedHashMap<>();
        output.columns().forEach(c -> forms.put(c.name(), c.form()));
        Dataset<Row> result = rows;
        for (String qi : qis) {
            FieldForm form = forms.get(qi);
            DataType type = rows.schema().apply(qi).dataType();
            result = result.withColumn(qi, org.apache.spark.sql.functions.udf(
                    (org.apache.spark.sql.api.java.UDF1<Object, Object>) v -> Generalisations.coarsen(form, v), type)
                    .apply(col(qi)));
        }
        return result;
    }

    private static Column[] cols(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
