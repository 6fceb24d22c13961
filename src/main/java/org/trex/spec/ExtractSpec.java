package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an extract contains and why: the file a governance board approves. Its identity for approval
 * is the plan hash over this spec's canonical form, its policy and the SQL rendered from them.
 */
public record ExtractSpec(
        String id,
        int version,
        String title,
        String requester,
        String purpose,
        String legalBasis,
        String project,
        String policy,
        CohortSpec cohort,
        List<OutputSpec> outputs,
        Optional<String> schedule) {

    public ExtractSpec {
        Names.requireId(id, "extract id");
        requireVersion(version);
        Names.requireText(title, "title");
        Names.requireText(requester, "requester");
        Names.requireText(purpose, "purpose");
        Names.requireText(legalBasis, "legal basis");
        Names.requireId(project, "project");
        Names.requireId(policy, "policy");
        requireNonNull(cohort, "cohort is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        requireNonNull(schedule, "schedule is null");
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("Cannot use extract " + id + ": it has no outputs");
        }
        Set<String> names = new HashSet<>();
        for (OutputSpec output : outputs) {
            if (!names.add(output.name())) {
                throw new IllegalArgumentException("Cannot use extract " + id + ": output " + output.name() + " appears twice");
            }
        }
    }

    static int requireVersion(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("Cannot use extract version " + version + ": it must be 1 or more");
        }
        return version;
    }
}
