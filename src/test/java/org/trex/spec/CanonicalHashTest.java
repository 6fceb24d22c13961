package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.SpecCopies;

class CanonicalHashTest {
    private static final Path SPEC = Path.of("extracts/discharge-delays.yaml");
    private static final Path POLICY = Path.of("policies/service-evaluation.yaml");

    @TempDir
    Path dir;

    @BeforeAll
    static void createTempRoot() throws IOException {
        // Surefire points java.io.tmpdir at target/tmp, which a clean build has not created yet.
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void canonicalJsonIsCompactWithSortedKeys() {
        String json = Canonical.json(SpecFiles.loadSpec(SPEC).value());

        assertThat(json).startsWith("{\"cohort\":{\"age_at_index\":{\"min\":65},\"conditions\":")
                .contains("\"window\":{\"from\":\"2024-04-01\",\"to\":\"2025-03-31\"}")
                .doesNotContain("\n", "\": ", ", \"");
    }

    @Test
    void sameMeaningWrittenDifferentlyHasTheSameHash() throws IOException {
        String original = Files.readString(SPEC);
        String rewritten = original
                .replaceAll("(?m)^#.*\\n", "")
                .replace("version: 1\n", "")
                .replace("id: discharge-delays\n", "id: discharge-delays\nversion: 1   # moved and commented\n")
                .replace("window: {from: 2024-04-01, to: 2025-03-31}",
                        "window:\n    to: '2025-03-31'\n    from: \"2024-04-01\"")
                .replace("{field: discharge_method, in: ['1', '2', '3']}",
                        "{in: [\"1\", \"2\", \"3\"], field: discharge_method}");

        assertThat(rewritten).isNotEqualTo(original);
        assertThat(Canonical.sha256(load(rewritten))).isEqualTo(SpecFiles.loadSpec(SPEC).sha256());
    }

    @Test
    void writtenDefaultsHaveTheSameHashAsLeftOutDefaults() throws IOException {
        String policy = Files.readString(POLICY);
        String withoutDefaults = policy.replaceAll("(?ms)^opt_outs:.*?(?=^unverifiable)", "")
                .replaceAll("(?m)^unverifiable_nhs_numbers:.*\\n", "");

        assertThat(withoutDefaults).doesNotContain("national_data_opt_out", "unverifiable_nhs_numbers");
        Path file = Files.writeString(dir.resolve("policy.yaml"), withoutDefaults);
        assertThat(SpecFiles.loadPolicy(file).sha256()).isEqualTo(SpecFiles.loadPolicy(POLICY).sha256());
    }

    @Test
    void aChangedValueChangesTheHash() throws IOException {
        String changed = Files.readString(SPEC).replace("age_at_index: {min: 65}", "age_at_index: {min: 66}");

        assertThat(Canonical.sha256(load(changed))).isNotEqualTo(SpecFiles.loadSpec(SPEC).sha256());
    }

    @Test
    void aChangedPolicyThresholdChangesTheHash() throws IOException {
        Path file = Files.writeString(dir.resolve("policy.yaml"), Files.readString(POLICY).replace("k: 5", "k: 10"));

        assertThat(SpecFiles.loadPolicy(file).sha256()).isNotEqualTo(SpecFiles.loadPolicy(POLICY).sha256());
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalJson() {
        ExtractSpec spec = SpecFiles.loadSpec(SPEC).value();

        assertThat(Canonical.sha256(spec)).isEqualTo(Canonical.sha256(Canonical.json(spec))).matches("[0-9a-f]{64}");
    }

    private ExtractSpec load(String yaml) throws IOException {
        return SpecFiles.loadSpec(SpecCopies.write(dir, "spec.yaml", yaml)).value();
    }
}
