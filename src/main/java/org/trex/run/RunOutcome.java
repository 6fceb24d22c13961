package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.trex.lineage.LineageRun;
import org.trex.optout.NationalList;
import org.trex.plan.ExtractPlan;

/** A published run: where its extract is, what it did, the allow list it used, and the digest of its manifest. */
public record RunOutcome(Path extractDirectory, ExtractPlan plan, LineageRun lineage, List<OutputResult> outputs,
        String manifestSha256, List<String> warnings, NationalList nationalList) {
    public RunOutcome {
        requireNonNull(nationalList, "nationalList is null");
        requireNonNull(extractDirectory, "extractDirectory is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(lineage, "lineage is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        requireNonNull(manifestSha256, "manifestSha256 is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
