package org.trex.run;

import java.util.List;
import org.trex.optout.ExclusionReason;
import org.trex.plan.AggregateGroups;
import org.trex.plan.ExtractPlan;
import org.trex.plan.PlannedColumn;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.AggregateOutput;
import org.trex.spec.ExtractSpec;

/** The extract's README.md: what each table and column is, where it came from and in what form. */
final class DataDictionary {
    private DataDictionary() {
    }

    static String markdown(ExtractPlan plan, String runId, List<OutputResult> results) {
        ExtractSpec spec = plan.spec();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(spec.title()).append("\n\n")
                .append("Extract `").append(spec.id()).append("` version ").append(spec.version())
                .append(", run `").append(runId).append("`, as of ").append(plan.asOf()).append(".\n\n")
                .append("**Purpose.** ").append(spec.purpose().strip()).append("\n\n")
                .append("**Cohort.** ").append(spec.cohort().description()).append(" (index event: ")
                .append(spec.cohort().indexEvent().yamlName()).append(", ").append(spec.cohort().from()).append(" to ")
                .append(spec.cohort().to()).append(").\n\n")
                .append("Pseudonyms are HMAC-SHA256 under the project key of `").append(spec.project())
                .append("`: the same person has the same pseudonym in every extract of this project and in no other. ")
                .append("Lineage, approval and digests are in `lineage/report.html` and `manifest.json`; "
                        + "check them with `trex verify`.\n\n")
                .append("CSV files are UTF-8, RFC 4180 (a value is quoted only when it holds a comma, "
                        + "a quote or a line break; ")
                .append("an empty value is `\"\"`, a missing one is blank), dates `yyyy-MM-dd`. ")
                .append("Rows are in an order fixed by their content alone, "
                        + "the same in the CSV and the Parquet file.\n\n")
                .append("Records left out before anything else happened: ");
        md.append(String.join("; ", plan.optOutsApplied().stream().map(ExclusionReason::description).toList()))
                .append("; and always records whose NHS number is missing or invalid.\n");
        for (OutputResult result : results) {
            md.append("\n## ").append(result.plan().name()).append("\n\n");
            boolean aggregate = result.plan().output() instanceof AggregateOutput;
            md.append(aggregate
                            ? "Aggregate counts from dataset `" + result.plan().output().dataset()
                                    + "`; small counts suppressed (blank) and the rest rounded: "
                                    + result.disclosure().rule() + ".\n\n"
                                    + AggregateGroups.words(result.plan()).map(w -> "Rows: " + w + ".\n\n").orElse("")
                            : "One row per record of dataset `" + result.plan().output().dataset() + "`.\n\n")
                    .append("Files: `data/").append(result.plan().name()).append(".parquet`, `data/")
                    .append(result.plan().name()).append(".csv` (").append(result.rowsWritten()).append(" rows).\n\n")
                    .append("| column | type | source | form |\n|---|---|---|---|\n");
            for (PlannedColumn column : result.plan().columns()) {
                md.append("| `").append(column.name()).append("` | ").append(type(result, column.name())).append(" | `")
                        .append(column.sourceField()).append("` (").append(String.join(", ", column.sourceColumns()))
                        .append(") | ").append(column.transformation()).append(" |\n");
            }
            for (PlannedMeasure measure : result.plan().measures()) {
                md.append("| `").append(measure.name()).append("` | ").append(measure.isMean() ? "double" : "bigint")
                        .append(" | ").append(measure.spec().words()).append(" | ").append(measure.spec().control())
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static String type(OutputResult result, String column) {
        return result.schema().stream().filter(c -> c.name().equals(column)).map(OutputResult.ColumnType::type)
                .findFirst().orElse("");
    }
}
