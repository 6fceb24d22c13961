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
        Optional<String> schedule,
        List<String> imports,
        List<VariableSpec> variables) {

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
        imports = List.copyOf(requireNonNull(imports, "imports is null"));
        variables = List.copyOf(requireNonNull(variables, "variables is null"));
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("Cannot use extract " + id + ": it has no outputs");
        }
        Set<String> variableNames = new HashSet<>();
        for (VariableSpec variable : variables) {
            if (!variableNames.add(variable.name())) {
                throw new IllegalArgumentException("Cannot use extract " + id + ": variable " + variable.name()
                        + " is defined twice (in the spec or its imports)");
            }
        }
        Set<String> names = new HashSet<>();
        for (OutputSpec output : outputs) {
            if (!names.add(output.name())) {
                throw new IllegalArgumentException("Cannot use extract " + id + ": output " + output.name()
                        + " appears twice");
            }
        }
    }

    /** A spec without variables or imports. */
    public ExtractSpec(String id, int version, String title, String requester, String purpose, String legalBasis,
            String project, String policy, CohortSpec cohort, List<OutputSpec> outputs, Optional<String> schedule) {
        this(id, version, title, requester, purpose, legalBasis, project, policy, cohort, outputs, schedule, List.of(),
                List.of());
    }

    /** The variable with this name, if the spec has or imports one. */
    public Optional<VariableSpec> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    static int requireVersion(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("Cannot use extract version " + version + ": it must be 1 or more");
        }
        return version;
    }
}
