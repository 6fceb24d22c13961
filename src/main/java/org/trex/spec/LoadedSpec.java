package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An extract spec with its policy, both loaded from their files and checked against each other and the
 * source catalog: what the plan and run commands start from.
 */
public record LoadedSpec(SpecDocument<ExtractSpec> spec, SpecDocument<Policy> policy) {
    /** The folder next to {@code extracts/} where a spec's policy is looked up by its id. */
    public static final String POLICIES_FOLDER = "policies";

    public LoadedSpec {
        requireNonNull(spec, "spec is null");
        requireNonNull(policy, "policy is null");
    }

    /**
     * Loads a spec and the policy it names from {@code policies/<id>.yaml} next to its folder; throws listing every
     * problem.
     */
    public static LoadedSpec load(Path specFile, DatasetCatalog catalog) {
        return load(SpecFiles.loadSpec(specFile), catalog);
    }

    /**
     * Checks a loaded spec under the policy it names, found as {@link #policyFile(Path, String)}; throws listing every
     * problem.
     */
    public static LoadedSpec load(SpecDocument<ExtractSpec> spec, DatasetCatalog catalog) {
        Path specFile = spec.file();
        Path policyFile = policyFile(specFile, spec.value().policy());
        if (!Files.isRegularFile(policyFile)) {
            throw new SpecException(List.of(spec.problemAt("/policy", "Cannot find policy " + spec.value().policy()
                    + ": there is no file " + policyFile + ", expected " + POLICIES_FOLDER + "/"
                    + spec.value().policy() + ".yaml next to the folder of " + specFile.getFileName())));
        }
        return load(spec, SpecFiles.loadPolicy(policyFile), catalog);
    }

    /** Loads a spec under a policy given explicitly; throws listing every problem. */
    public static LoadedSpec load(Path specFile, Path policyFile, DatasetCatalog catalog) {
        return load(SpecFiles.loadSpec(specFile), SpecFiles.loadPolicy(policyFile), catalog);
    }

    /** Checks an already loaded spec and policy together; throws listing every problem. */
    public static LoadedSpec load(SpecDocument<ExtractSpec> spec, SpecDocument<Policy> policy, DatasetCatalog catalog) {
        List<SpecProblem> problems = SpecValidator.validate(spec, policy, catalog);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return new LoadedSpec(spec, policy);
    }

    /** Where the policy with this id is looked up for a spec file: {@code <spec folder>/../policies/<id>.yaml}. */
    public static Path policyFile(Path specFile, String policyId) {
        Path folder = specFile.toAbsolutePath().normalize().getParent();
        Path base = folder.getParent() == null ? folder : folder.getParent();
        Path found = base.resolve(POLICIES_FOLDER).resolve(policyId + ".yaml");
        Path relative = Path.of("").toAbsolutePath().relativize(found);
        return relative.toString().startsWith("..") ? found : relative;
    }
}
