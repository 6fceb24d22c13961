package org.trex.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trex.source.SourceCatalog;
import org.trex.spec.ExtractSpec;
import org.trex.spec.LoadedSpec;

/**
 * A spec file that is the smallest valid spec (one records output) with the variables a test gives, for tests of
 * what variables mean and how they are checked. Its variables start on line {@link #FIRST_VARIABLE_LINE}.
 */
public final class SpecWithVariables {
    /** The policy the spec is checked under. */
    public static final Path POLICY = Path.of("policies/service-evaluation.yaml");
    /** The line of the spec that holds the first line of the variables. */
    public static final int FIRST_VARIABLE_LINE = 22;

    private static final String HEAD = """
            id: variables-under-test
            version: 1
            title: t
            requester: r
            purpose: p
            legal_basis: l
            project: discharge-evaluation
            policy: service-evaluation
            cohort:
              description: d
              index_event: hospital_discharge
              window: {from: 2024-04-01, to: 2025-03-31}
              social_care_at_index: any
            outputs:
              - name: spells
                kind: records
                dataset: inpatient_spell
                fields:
                  - {name: sex, source: sex, form: as_is}
                quasi_identifiers: [sex]
            variables:
            """;

    private SpecWithVariables() {
    }

    /** Writes {@code folder/spec.yaml} with {@code variables} (YAML, not indented) under its variables. */
    public static Path write(Path folder, String variables) throws IOException {
        return Files.writeString(folder.resolve("spec.yaml"), HEAD + variables.indent(2));
    }

    /** Writes the spec as {@link #write} does and loads it under {@link #POLICY}. */
    public static ExtractSpec load(Path folder, String variables) throws IOException {
        return LoadedSpec.load(write(folder, variables), POLICY, SourceCatalog.standard()).spec().value();
    }
}
