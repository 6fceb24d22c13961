package org.trex.plan;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.trex.optout.ExclusionQueries;
import org.trex.optout.ExclusionReason;
import org.trex.spec.Applicability;
import org.trex.spec.ExtractSpec;
import org.trex.spec.Policy;

/**
 * Everything that will happen in a run, before it happens: the spec's variables (each in words and SQL), the
 * outputs with their SQL, columns and
 * forms, the exclusions the policy applies, the SQL that lists the cohort's index events (row ID and
 * NHS number, for counting), and the plan hash a board approves (it covers the board register too). Events are read
 * as of {@code asOf}; objections and opt-outs as they stand on {@code optOutsOn}, the day the plan was made when the
 * as-of date is earlier, so that an objection made since then applies to what leaves.
 */
public record ExtractPlan(
        ExtractSpec spec,
        Policy policy,
        LocalDate asOf,
        LocalDate optOutsOn,
        List<PlannedVariable> variables,
        List<OutputPlan> outputs,
        List<ScanPlan> scans,
        ExclusionQueries exclusions,
        String cohortSql,
        String specSha256,
        String policySha256,
        String boardSha256,
        String planHash) {

    public ExtractPlan {
        requireNonNull(spec, "spec is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(optOutsOn, "optOutsOn is null");
        if (optOutsOn.isBefore(asOf)) {
            throw new IllegalArgumentException("Cannot plan as of " + asOf + " with opt-outs checked on " + optOutsOn
                    + ": objections made after the day they were checked would be missed; check them on " + asOf
                    + " or later");
        }
        variables = List.copyOf(requireNonNull(variables, "variables is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        scans = List.copyOf(requireNonNull(scans, "scans is null"));
        requireNonNull(exclusions, "exclusions is null");
        requireNonNull(cohortSql, "cohortSql is null");
        requireNonNull(specSha256, "specSha256 is null");
        requireNonNull(policySha256, "policySha256 is null");
        requireNonNull(boardSha256, "boardSha256 is null");
        requireNonNull(planHash, "planHash is null");
    }

    /** The output plan with this name. */
    public OutputPlan output(String name) {
        return outputs.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot find output " + name + " in plan of "
                        + spec.id()));
    }

    /** The shared read this output takes its rows from, if any; otherwise it reads its own SELECT. */
    public Optional<ScanPlan> scanOf(String output) {
        return scans.stream().filter(s -> s.columns().containsKey(output)).findFirst();
    }

    /** Every table the outputs read ({@code schema.table}), each once, sorted. */
    public List<String> sourceTables() {
        return outputs.stream().flatMap(o -> o.sourceTables().stream()).distinct().sorted().toList();
    }

    /**
     * The opt-outs a run of this plan checks, in check order: those its exclusion queries fetch, and the national
     * data opt-out when the policy applies it (its allow list is joined in each SELECT, so it is no query of its own).
     */
    public List<ExclusionReason> optOutsApplied() {
        boolean national = policy.optOuts().nationalDataOptOut() == Applicability.APPLIES;
        List<ExclusionReason> fetched = exclusions.reasons();
        return Arrays.stream(ExclusionReason.values())
                .filter(r -> fetched.contains(r) || national && r == ExclusionReason.NATIONAL_DATA_OPT_OUT_OR_UNCHECKED)
                .toList();
    }
}
