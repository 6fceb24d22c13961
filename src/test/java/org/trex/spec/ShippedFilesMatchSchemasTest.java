package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShippedFilesMatchSchemasTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> shippedSpecs() throws IOException {
        return ShippedSpecsValidateTest.shippedSpecs();
    }

    static Stream<Path> shippedPolicies() throws IOException {
        return ShippedSpecsValidateTest.shippedPolicies();
    }

    @ParameterizedTest
    @MethodSource("shippedSpecs")
    void everyShippedSpecMatchesTheSchemaAndNamesIt(Path file) throws IOException {
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("# yaml-language-server: $schema=../schemas/extract-spec.schema.json");
        assertThat(errors("extract-spec", YAML.readTree(file.toFile()))).isEmpty();
        assertThat(errors("extract-spec", JSON.readTree(Canonical.json(SpecFiles.loadSpec(file).value())))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("shippedPolicies")
    void everyShippedPolicyMatchesTheSchemaAndNamesIt(Path file) throws IOException {
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("# yaml-language-server: $schema=../schemas/policy.schema.json");
        assertThat(errors("policy", YAML.readTree(file.toFile()))).isEmpty();
        assertThat(errors("policy", JSON.readTree(Canonical.json(SpecFiles.loadPolicy(file).value())))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec-unknown-key", "spec-missing-purpose", "spec-unknown-index-event", "spec-version-text",
        "spec-measures-on-records", "spec-condition-number", "spec-bad-schedule"})
    void badSpecsFailTheSchema(String name) throws IOException {
        JsonNode spec = YAML.readTree(Path.of("src/test/resources/bad", name + ".yaml").toFile());
        assertThat(errors("extract-spec", spec)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy-unknown-opt-out-word", "policy-missing-allowed-forms", "policy-unknown-category",
        "policy-k-zero", "policy-below-k-word", "policy-max-age-text", "policy-bias-points-zero"})
    void badPoliciesFailTheSchema(String name) throws IOException {
        JsonNode policy = YAML.readTree(Path.of("src/test/resources/bad", name + ".yaml").toFile());
        assertThat(errors("policy", policy)).isNotEmpty();
    }

    @Test
    void defaultsAreLeftOutOfTheSchemaRequirements() throws IOException {
        JsonNode policy = YAML.readTree(Path.of("policies/service-evaluation.yaml").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) policy).remove("opt_outs");
        ((com.fasterxml.jackson.databind.node.ObjectNode) policy).remove("unverifiable_nhs_numbers");
        assertThat(errors("policy", policy)).isEmpty();
    }

    private static Set<ValidationMessage> errors(String schemaName, JsonNode document) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Path.of("schemas", schemaName + ".schema.json").toFile()));
        return schema.validate(document);
    }
}
