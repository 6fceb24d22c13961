package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
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
    private static final String SCHEMAS = "https://trex.example/schemas/";

    static Stream<Path> shippedSpecs() throws IOException {
        return ShippedSpecsValidateTest.shippedSpecs();
    }

    static Stream<Path> shippedPolicies() throws IOException {
        return ShippedSpecsValidateTest.shippedPolicies();
    }

    @ParameterizedTest
    @MethodSource("shippedSpecs")
    void everyShippedSpecMatchesTheSchemaAndNamesIt(Path file) throws IOException {
        assertThat(Files.readAllLines(file).get(0))
                .isEqualTo("# yaml-language-server: $schema=../schemas/extract-spec.schema.json");
        assertThat(errors("extract-spec", YAML.readTree(file.toFile()))).isEmpty();
        assertThat(errors("extract-spec", JSON.readTree(Canonical.json(SpecFiles.loadSpec(file).value())))).isEmpty();
    }

    static Stream<Path> shippedDefinitions() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(Definitions.FOLDER))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedDefinitions")
    void everyShippedDefinitionsFileMatchesTheSchemaAndNamesIt(Path file) throws IOException {
        assertThat(Files.readAllLines(file).get(0))
                .isEqualTo("# yaml-language-server: $schema=../schemas/definitions.schema.json");
        assertThat(errors("definitions", YAML.readTree(file.toFile()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{type: flag, description: d}",
        "{type: amount, description: d, exists: {from: social_care_event}}",
        "{type: flag, description: d, exists: {from: social_care_event, window: {from_days: -7}}}",
        "{type: flag, description: d, exists: {from: social_care_event, were: []}}",
        "{type: flag, description: d, field: sex, in: []}",
        "{type: flag, description: d, field: sex, is_null: 'yes'}",
        "{type: date, description: d, plus_days: [{field: discharge_date}, seven]}",
        "{type: code, description: d, person: postcode}",
        "{type: flag, description: d, and: [{feld: sex, equals: '1'}]}",
        "{type: date, description: d, linked_episodes: {episodes: {from: social_care_event, start: event_start_date,"
                + " end: event_end_date, join_within_days: -1}, link: latest, window: {from_days: -7, to_days: 3},"
                + " value: start}}",
        "{type: date, description: d, linked_episodes: {episodes: {from: social_care_event, start: event_start_date,"
                + " end: event_end_date, join_within_days: 7}, link: nearest, window: {from_days: -7, to_days: 3},"
                + " value: start}}"})
    void badVariablesFailTheSchema(String variable) throws IOException {
        JsonNode definitions = YAML.readTree("{description: d, variables: {bad: " + variable + "}}");
        assertThat(errors("definitions", definitions)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("shippedPolicies")
    void everyShippedPolicyMatchesTheSchemaAndNamesIt(Path file) throws IOException {
        assertThat(Files.readAllLines(file).get(0))
                .isEqualTo("# yaml-language-server: $schema=../schemas/policy.schema.json");
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
        // The definitions schema refers to the spec schema's variables: read it from schemas/, never the network.
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                        .schemaMappers(mappers -> mappers.mapPrefix(SCHEMAS, Path.of("schemas").toUri().toString())))
                .getSchema(SchemaLocation.of(SCHEMAS + schemaName + ".schema.json"));
        return schema.validate(document);
    }
}
