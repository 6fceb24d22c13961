package org.trex.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trex.disclosure.SmallCounts;
import org.trex.linkage.LinkageJson;
import org.trex.linkage.LinkageSection;
import org.trex.optout.ExclusionReason;
import org.trex.optout.ExclusionQueries;
import org.trex.optout.NationalList;
import org.trex.optout.NationalListStatus;
import org.trex.source.TableStatistics;
import org.trex.spec.AggregateOutput;
import org.trex.spec.Applicability;
import org.trex.spec.DisclosureRules;
import org.trex.spec.ExtractSpec;
import org.trex.spec.FieldForm;
import org.trex.spec.Policy;

/**
 * Renders a plan for a governance board: what leaves, in what form, from which SQL, under which checks,
 * and how many people it concerns (small counts as the policy's suppression rule shows them).
 */
public final class PlanReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanReport() {
    }

    /** The plan in the given format; counts only when a database was given. */
    public static String render(ExtractPlan plan, Optional<PlanCounts> counts, PlanFormat format) {
        return render(plan, counts, Optional.empty(), Optional.empty(), format);
    }

    /**
     * The plan in the given format, with the linkage and exclusions section when it was counted, and the differencing
     * reviews its next release needs when the governance records were read (none: an empty list).
     */
    public static String render(ExtractPlan plan, Optional<PlanCounts> counts, Optional<LinkageSection> linkage,
            Optional<List<DifferencingReview>> reviews, PlanFormat format) {
        return switch (format) {
            case TEXT -> text(plan, counts, linkage, reviews, false);
            case MARKDOWN -> text(plan, counts, linkage, reviews, true);
            case JSON -> json(plan, counts, linkage, reviews);
        };
    }

    /** The checks the spec passed against its policy, in words. */
    static List<String> checks(ExtractPlan plan) {
        Policy policy = plan.policy();
        ExtractSpec spec = plan.spec();
        return List.of(
                "spec and policy validated against the source catalog (tables, fields, forms)",
                "every field leaves only in a form policy " + policy.id() + " allows",
                "local objections in force on the day of the run (or its later as-of date) are left out",
                "national data opt-out: " + policy.optOuts().nationalDataOptOut().yamlName()
                        + (policy.optOuts().nationalDataOptOut() == Applicability.APPLIES
                                ? " (a record is kept only if its number is on the newest allow list, no older than "
                                        + policy.optOuts().nationalListMaxAgeDays()
                                        + " days; without one the run is refused)"
                                : ""),
                "Type 1 opt-out: " + (plan.optOutsApplied().contains(ExclusionReason.TYPE1_OPT_OUT)
                        ? "applied (GP-sourced data)" : "not applied (no GP-sourced data, or exempt)"),
                "missing or invalid NHS numbers: " + policy.unverifiableNhsNumbers().yamlName() + " (fail closed)",
                "pseudonym key for project " + spec.project() + ": "
                        + policy.key(spec.project()).map(k -> k.name() + k.id().map(id -> " (key ID " + id
                                + ", checked against the key file)").orElse("")).orElse("none"),
                "record-level outputs: k = " + policy.disclosure().k() + ", below k: "
                        + policy.disclosure().belowK().yamlName(),
                aggregateRule(policy.disclosure()),
                "aggregate outputs: complementary cells suppressed until no suppressed cell can be worked out, from"
                        + " everything published (rounded cells, totals, other outputs of this extract, the counts in"
                        + " its lineage), to within "
                        + policy.disclosure().protectionRange() + " (protection range; checked by linear programming)",
                "aggregate outputs: a cell differing by 1 to " + policy.disclosure().suppressAtOrBelow()
                        + " from an earlier release of this extract, or of another of its project, is suppressed"
                        + " (release ledger)",
                "aggregate sums: dominated ones suppressed (nk rule: n = " + policy.disclosure().dominance().n()
                        + ", k = " + policy.disclosure().dominance().kPercent() + "%; p% rule: p = "
                        + policy.disclosure().dominance().pPercent() + "%)");
    }

    private static String aggregateRule(DisclosureRules rules) {
        return "aggregate outputs: counts <= " + rules.suppressAtOrBelow() + " suppressed (zeros "
                + rules.zeros().yamlName() + "), others rounded to " + rules.roundTo();
    }

    /**
     * Warnings of runs that would be refused for want of a usable allow list (a run as of the plan's date, and the
     * spec's next scheduled run: a list current today can be stale by then), and of source tables never analysed.
     */
    static List<String> warnings(ExtractPlan plan, PlanCounts counts) {
        List<String> warnings = new ArrayList<>();
        staleWarning("a run as of " + plan.asOf(), counts.nationalList()).ifPresent(warnings::add);
        counts.scheduledRunList().flatMap(list -> staleWarning("the next scheduled run (schedule "
                + plan.spec().schedule().orElseThrow() + "), as of " + list.asOf() + ",", list))
                .ifPresent(warnings::add);
        counts.neverAnalysed().forEach(table -> warnings.add(TableStatistics.warning(table)));
        return warnings;
    }

    private static Optional<String> staleWarning(String run, NationalList list) {
        return list.status() == NationalListStatus.STALE || list.status() == NationalListStatus.MISSING
                ? Optional.of(run + " will be refused: the national data opt-out "
                        + (list.status() == NationalListStatus.STALE ? "list will be stale: "
                                : "has not been checked: ")
                        + list.describe() + "; load a newer allow list (trex optouts request, then trex optouts load)")
                : Optional.empty();
    }

    private static String text(ExtractPlan plan, Optional<PlanCounts> counts, Optional<LinkageSection> linkage,
            Optional<List<DifferencingReview>> reviews, boolean markdown) {
        ExtractSpec spec = plan.spec();
        StringBuilder out = new StringBuilder();
        String h1 = markdown ? "# " : "";
        String h2 = markdown ? "\n## " : "\n== ";
        out.append(h1).append("Plan for ").append(spec.id()).append(" v").append(spec.version()).append(": ")
                .append(spec.title()).append('\n');
        out.append(markdown ? "\n" : "").append(bullet(markdown)).append("Plan hash: ")
                .append(code(plan.planHash(), markdown)).append('\n');
        out.append(bullet(markdown)).append("Spec SHA-256: ").append(code(plan.specSha256(), markdown)).append('\n');
        out.append(bullet(markdown)).append("Policy: ").append(plan.policy().id()).append(" (SHA-256 ")
                .append(code(plan.policySha256(), markdown)).append(")\n");
        out.append(bullet(markdown)).append("Board register SHA-256: ").append(code(plan.boardSha256(), markdown))
                .append('\n');
        out.append(bullet(markdown)).append("Requester: ").append(spec.requester()).append('\n');
        out.append(bullet(markdown)).append("Purpose: ").append(spec.purpose().strip().replace('\n', ' ')).append('\n');
        out.append(bullet(markdown)).append("Legal basis: ").append(spec.legalBasis().strip().replace('\n', ' '))
                .append('\n');
        out.append(bullet(markdown)).append("Cohort: ").append(spec.cohort().description()).append('\n');
        out.append(bullet(markdown)).append("Cohort as its SQL selects it: ")
                .append(String.join("; ", CohortRules.of(spec.cohort()))).append('\n');
        out.append(bullet(markdown)).append("As of: ").append(plan.asOf())
                .append(spec.schedule().map(s -> "; schedule " + s).orElse("")).append('\n');
        out.append(bullet(markdown)).append("Objections and opt-outs as they stand on: ").append(plan.optOutsOn())
                .append(plan.optOutsOn().isAfter(plan.asOf()) ? " (today: one made since the as-of date applies to"
                        + " what leaves now)" : "").append('\n');
        specWarnings(plan).forEach(w -> out.append(bullet(markdown)).append("WARNING: ").append(w).append('\n'));

        reviews.filter(list -> !list.isEmpty()).ifPresent(list -> {
            out.append(h2).append("Needs a differencing review (aggregates released before an objection)")
                    .append(markdown ? "\n\n" : "\n");
            list.forEach(review -> out.append(bullet(markdown)).append("WARNING: ").append(review.describe())
                    .append('\n'));
            out.append(bullet(markdown)).append("Compare this release's aggregates with those outputs before it leaves:"
                    + " the differences could single out the people who objected.\n");
        });

        out.append(h2).append("Policy checks passed").append(markdown ? "\n\n" : "\n");
        checks(plan).forEach(c -> out.append(bullet(markdown)).append(c).append('\n'));

        counts.ifPresent(c -> {
            SmallCounts small = new SmallCounts(plan.policy().disclosure());
            out.append(h2).append("Who it concerns (live counts, shown as the suppression rule shows them)")
                    .append(markdown ? "\n\n" : "\n");
            out.append(bullet(markdown)).append("Index events in the cohort: ").append(small.display(c.events()))
                    .append('\n');
            out.append(bullet(markdown)).append("People: ").append(small.display(c.people()))
                    .append(" (with a valid NHS number); ").append(small.display(c.eventsWithoutValidNumber()))
                    .append(" events without one (missing or invalid), not countable as people\n");
            out.append(bullet(markdown)).append("National data opt-out: ").append(c.nationalList().describe())
                    .append('\n');
            c.scheduledRunList().ifPresent(list -> out.append(bullet(markdown)).append("At the next scheduled run: ")
                    .append(list.describe()).append('\n'));
            warnings(plan, c).forEach(w -> out.append(bullet(markdown)).append("WARNING: ").append(w).append('\n'));
            for (ExclusionReason reason : ExclusionReason.values()) {
                long[] left = c.leftOut(reason);
                if (left[0] > 0 || plan.optOutsApplied().contains(reason)) {
                    out.append(bullet(markdown)).append("Left out, ").append(reason.description()).append(": ")
                            .append(small.display(left[0])).append(" events, ")
                            .append(reason.peopleCountable() ? small.display(left[1]) + " people"
                                    : "people not countable (no valid NHS number)").append('\n');
                }
            }
        });

        linkage.ifPresent(section -> PlanLinkageText.append(out, section, markdown));
        if (!plan.variables().isEmpty()) {
            out.append(h2).append("Variables (each definition in words generated from it, and its SQL)")
                    .append(markdown ? "\n" : "\n");
            for (PlannedVariable variable : plan.variables()) {
                out.append(markdown ? "\n### `" + variable.name() + "` (" + variable.type().yamlName() + ")\n\n"
                        : "  " + variable.name() + " (" + variable.type().yamlName() + ")\n");
                out.append(bullet(markdown)).append(markdown ? "" : "  ").append("Description: ")
                        .append(variable.description().strip()).append('\n');
                out.append(bullet(markdown)).append(markdown ? "" : "  ").append("Definition: ")
                        .append(variable.words()).append('\n');
                out.append(bullet(markdown)).append(markdown ? "" : "  ").append("Reads: ")
                        .append(String.join(", ", variable.sourceColumns())).append('\n');
                out.append(markdown ? "\n```sql\n" : "    SQL:\n").append(markdown ? variable.sqlTemplate()
                        : indent(indent(variable.sqlTemplate(), false), false)).append(markdown ? "\n```\n" : "\n");
            }
        }

        for (OutputPlan output : plan.outputs()) {
            boolean aggregate = output.output() instanceof AggregateOutput;
            out.append(h2).append("Output ").append(output.name())
                    .append(aggregate ? " (aggregate counts)" : " (record level)")
                    .append(markdown ? "\n\n" : "\n");
            out.append(bullet(markdown)).append("Dataset: ").append(output.output().dataset())
                    .append("; tables: ").append(String.join(", ", output.sourceTables())).append('\n');
            if (!aggregate) {
                out.append(bullet(markdown)).append("Quasi-identifiers: ").append(output.quasiIdentifiers())
                        .append('\n');
            } else if (!totals(output).isEmpty()) {
                out.append(bullet(markdown)).append("Totals over: ").append(totals(output))
                        .append(" (rows with Total in those columns)\n");
            }
            AggregateGroups.words(output).ifPresent(words -> out.append(bullet(markdown)).append("Groups: ")
                    .append(words).append('\n'));
            out.append(markdown ? "\n| column | from | form |\n|---|---|---|\n" : "");
            for (PlannedColumn column : output.columns()) {
                out.append(markdown ? "| `" + column.name() + "` | `" + column.sourceField() + "` | "
                        + column.transformation() + " |\n"
                        : String.format("  %-28s <- %-36s %s%n", column.name(), column.sourceField(),
                                column.transformation()));
            }
            for (PlannedMeasure measure : output.measures()) {
                String what = measure.spec().words();
                out.append(markdown ? "| `" + measure.name() + "` | " + what + " | " + measure.spec().control() + " |\n"
                        : String.format("  %-28s <- %-36s %s%n", measure.name(), what, measure.spec().control()));
            }
            out.append(markdown ? "\n```sql\n" : "  SQL (jOOQ, :as_of bound at run time):\n")
                    .append(indent(output.sqlTemplate(), markdown))
                    .append(markdown ? "\n```\n" : "\n");
        }
        for (ScanPlan scan : plan.scans()) {
            out.append(h2).append("Read shared by ").append(String.join(", ", scan.outputs()))
                    .append(markdown ? "\n\n" : "\n");
            out.append(bullet(markdown)).append("The run reads the cohort once for these outputs, each value once, and "
                    + "each output takes its columns (as its SQL above names them) from the rows read:\n");
            out.append(markdown ? "\n```sql\n" : "  SQL (jOOQ, :as_of bound at run time):\n")
                    .append(indent(scan.sqlTemplate(), markdown)).append(markdown ? "\n```\n" : "\n");
        }
        out.append(h2).append("Exclusion queries").append(markdown ? "\n" : "\n");
        for (ExclusionQueries.ExclusionQuery query : plan.exclusions().queries()) {
            out.append(markdown ? "\n" + query.reason().description() + ":\n\n```sql\n"
                    : "  " + query.reason().code() + ":\n")
                    .append(indent(query.sqlTemplate(), markdown)).append(markdown ? "\n```\n" : "\n");
        }
        return out.toString();
    }

    /**
     * What the spec itself warrants a warning of: whole dates in its words, follow-up past the as-of date, zeros
     * that can be inferred from the groups an aggregate leaves out, rows no deletion notice could name.
     */
    private static List<String> specWarnings(ExtractPlan plan) {
        List<String> warnings = new ArrayList<>(DatesInWords.warnings(plan));
        FollowUp.warning(plan).ifPresent(warnings::add);
        warnings.addAll(AggregateGroups.warnings(plan));
        warnings.addAll(PersonColumns.warnings(plan));
        return warnings;
    }

    private static String json(ExtractPlan plan, Optional<PlanCounts> counts, Optional<LinkageSection> linkage,
            Optional<List<DifferencingReview>> reviews) {
        ObjectNode root = JSON.createObjectNode();
        root.put("extract", plan.spec().id()).put("version", plan.spec().version()).put("title", plan.spec().title())
                .put("planHash", plan.planHash()).put("specSha256", plan.specSha256())
                .put("policy", plan.policy().id()).put("policySha256", plan.policySha256())
                .put("boardSha256", plan.boardSha256())
                .put("asOf", plan.asOf().toString()).put("optOutsOn", plan.optOutsOn().toString());
        CohortRules.of(plan.spec().cohort()).forEach(root.putArray("cohortRules")::add);
        List<String> planWarnings = specWarnings(plan);
        if (!planWarnings.isEmpty()) {
            planWarnings.forEach(root.putArray("warnings")::add);
        }
        ArrayNode checks = root.putArray("checks");
        checks(plan).forEach(checks::add);
        reviews.ifPresent(list -> {
            ArrayNode node = root.putArray("differencingReviews");
            for (DifferencingReview review : list) {
                ObjectNode entry = node.addObject().put("notice", review.noticeId()).put("run", review.runId())
                        .put("message", review.describe());
                ArrayNode outputs = entry.putArray("aggregateOutputs");
                review.aggregateOutputs().forEach(outputs::add);
            }
        });
        counts.ifPresent(c -> {
            SmallCounts small = new SmallCounts(plan.policy().disclosure());
            ObjectNode node = root.putObject("counts");
            node.put("events", small.display(c.events())).put("people", small.display(c.people()))
                    .put("eventsWithoutValidNhsNumber", small.display(c.eventsWithoutValidNumber()))
                    .put("nationalList", c.nationalList().status().name().toLowerCase(java.util.Locale.ROOT))
                    .put("nationalListMaxAgeDays", c.nationalList().maxAgeDays());
            c.nationalList().listDate().ifPresent(d -> node.put("nationalListDate", d.toString())
                    .put("nationalListAgeDays", c.nationalList().ageDays().getAsLong()));
            c.scheduledRunList().ifPresent(list -> {
                ObjectNode next = node.putObject("nextScheduledRun").put("asOf", list.asOf().toString())
                        .put("nationalList", list.status().name().toLowerCase(java.util.Locale.ROOT));
                list.listDate().ifPresent(d -> next.put("nationalListDate", d.toString())
                        .put("nationalListAgeDays", list.ageDays().getAsLong()));
            });
            List<String> warnings = warnings(plan, c);
            if (!warnings.isEmpty()) {
                warnings.forEach(node.putArray("warnings")::add);
            }
            ObjectNode left = node.putObject("leftOut");
            for (ExclusionReason reason : ExclusionReason.values()) {
                long[] counted = c.leftOut(reason);
                if (counted[0] == 0 && !plan.optOutsApplied().contains(reason)) {
                    continue;
                }
                ObjectNode reasonNode = left.putObject(reason.code()).put("events", small.display(counted[0]));
                if (reason.peopleCountable()) {
                    reasonNode.put("people", small.display(counted[1]));
                } else {
                    reasonNode.putNull("people");
                }
            }
        });
        linkage.ifPresent(section -> LinkageJson.fill(root.putObject("linkage"), section));
        ArrayNode variables = root.putArray("variables");
        for (PlannedVariable variable : plan.variables()) {
            ObjectNode node = variables.addObject().put("name", variable.name()).put("type", variable.type().yamlName())
                    .put("description", variable.description()).put("definition", variable.words())
                    .put("sql", variable.sqlTemplate());
            ArrayNode reads = node.putArray("sourceColumns");
            variable.sourceColumns().forEach(reads::add);
        }
        ArrayNode outputs = root.putArray("outputs");
        for (OutputPlan output : plan.outputs()) {
            ObjectNode node = outputs.addObject();
            node.put("name", output.name())
                    .put("kind", output.output() instanceof AggregateOutput ? "aggregate" : "records")
                    .put("dataset", output.output().dataset()).put("sql", output.sqlTemplate());
            ArrayNode columns = node.putArray("columns");
            for (PlannedColumn column : output.columns()) {
                ObjectNode c = columns.addObject().put("name", column.name()).put("source", column.sourceField())
                        .put("form", column.form().yamlName()).put("transformation", column.transformation())
                        .put("masked", column.form() != FieldForm.AS_IS);
                ArrayNode from = c.putArray("sourceColumns");
                column.sourceColumns().forEach(from::add);
                column.values().ifPresent(values -> values.forEach(c.putArray("values")::add));
            }
            ArrayNode measures = node.putArray("measures");
            output.measures().forEach(m -> measures.addObject().put("name", m.name())
                    .put("count", m.countOf().yamlName())
                    .put("where", m.whereField().orElse(null)).put("mean", m.spec().mean().orElse(null))
                    .put("sum", m.spec().sum().orElse(null)).put("by", m.spec().by().orElse(null)));
            ArrayNode totals = node.putArray("totals");
            totals(output).forEach(totals::add);
            AggregateGroups.words(output).ifPresent(words -> node.put("groups", words));
            ArrayNode qis = node.putArray("quasiIdentifiers");
            output.quasiIdentifiers().forEach(qis::add);
        }
        ArrayNode scans = root.putArray("sharedReads");
        for (ScanPlan scan : plan.scans()) {
            ObjectNode node = scans.addObject().put("dataset", scan.dataset()).put("sql", scan.sqlTemplate());
            ArrayNode served = node.putArray("outputs");
            scan.outputs().forEach(served::add);
        }
        ArrayNode exclusions = root.putArray("exclusions");
        plan.exclusions().queries().forEach(q -> exclusions.addObject().put("reason", q.reason().code())
                .put("sql", q.sqlTemplate()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot render plan as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> totals(OutputPlan output) {
        return output.output() instanceof AggregateOutput aggregate ? aggregate.totals() : List.of();
    }

    private static String bullet(boolean markdown) {
        return markdown ? "- " : "  ";
    }

    private static String code(String text, boolean markdown) {
        return markdown ? "`" + text + "`" : text;
    }

    private static String indent(String sql, boolean markdown) {
        return markdown ? sql : sql.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
