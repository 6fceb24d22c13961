package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.UriSchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates OpenLineage events against the bundled OpenLineage 2-0-2 schema, the schema of every facet they
 * carry (OpenLineage's and TREx's), all from the classpath: the validator never fetches a schema.
 */
public final class LineageValidator {
    private static final String OPENLINEAGE_SPEC = "https://openlineage.io/spec/";
    private static final String BUNDLED_OPENLINEAGE = "classpath:lineage/openlineage/";
    private static final String BUNDLED_TREX = "classpath:lineage/schemas/";
    private static final List<String> OPENLINEAGE_FACETS = List.of(
            "ColumnLineageDatasetFacet", "DataQualityMetricsDatasetFacet", "DatasetVersionDatasetFacet",
            "DatasourceDatasetFacet", "DocumentationJobFacet", "ErrorMessageRunFacet", "ExecutionParametersRunFacet",
            "InputStatisticsInputDatasetFacet", "JobTypeJobFacet", "NominalTimeRunFacet",
            "OutputStatisticsOutputDatasetFacet", "ParentRunFacet", "ProcessingEngineRunFacet", "SQLJobFacet",
            "SchemaDatasetFacet", "SourceCodeLocationJobFacet", "StorageDatasetFacet", "TagsDatasetFacet");
    private static final List<String> TREX_FACETS = List.of(
            "TrexApprovalRunFacet", "TrexBuildRunFacet", "TrexDisclosureOutputDatasetFacet", "TrexExclusionsRunFacet",
            "TrexLinkageRunFacet", "TrexLoadDatasetFacet", "TrexOutputFilesRunFacet", "TrexPolicyRunFacet",
            "TrexPseudonymisationRunFacet", "TrexReconciliationRunFacet", "TrexSourceQueryInputDatasetFacet",
            "TrexSpecRunFacet");

    private static final LineageValidator INSTANCE = new LineageValidator();

    private final JsonSchema eventSchema;
    /** Facet name (the key in a facets object) to the schema of the file that defines it, and its $id. */
    private final Map<String, FacetSchema> facetSchemas = new TreeMap<>();

    private record FacetSchema(String id, JsonSchema schema) {
    }

    private LineageValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers
                        .mappings(iri -> iri.startsWith(OPENLINEAGE_SPEC), LineageValidator::bundledOpenLineage)
                        .mappings(iri -> iri.startsWith(OpenLineageEvents.TREX_FACETS_URL),
                                iri -> BUNDLED_TREX + iri.substring(OpenLineageEvents.TREX_FACETS_URL.length())))
                // Only bundled schemas: an unmapped $ref is an error, not a download.
                .schemaLoaders(loaders -> loaders.values(list -> list.removeIf(l -> l instanceof UriSchemaLoader))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        // TREx emits only RunEvents; checking against RunEvent rather than the root oneOf gives one clear message
        // per problem instead of a failure for each of the three kinds of event.
        eventSchema = factory.getSchema(
                SchemaLocation.of(OPENLINEAGE_SPEC + "2-0-2/OpenLineage.json#/$defs/RunEvent"), config);
        ObjectMapper json = new ObjectMapper();
        for (String name : OPENLINEAGE_FACETS) {
            register(factory, config, json, BUNDLED_OPENLINEAGE + "facets/" + name + ".json");
        }
        for (String name : TREX_FACETS) {
            register(factory, config, json, BUNDLED_TREX + name + ".json");
        }
    }

    private void register(JsonSchemaFactory factory, SchemaValidatorsConfig config, ObjectMapper json,
            String location) {
        String resource = location.substring("classpath:".length());
        JsonNode root;
        try (InputStream in = LineageValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Cannot load lineage schemas: " + resource
                        + " is not on the classpath");
            }
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load lineage schemas: " + resource + ": " + e.getMessage(), e);
        }
        String id = root.get("$id").asText();
        JsonSchema schema = factory.getSchema(SchemaLocation.of(id), config);
        root.get("properties").fieldNames()
                .forEachRemaining(facet -> facetSchemas.put(facet, new FacetSchema(id, schema)));
    }

    private static String bundledOpenLineage(String iri) {
        // Bundled files drop the version directory: .../spec/2-0-2/OpenLineage.json, .../spec/facets/1-2-0/X.json
        String file = iri.substring(iri.lastIndexOf('/') + 1);
        return BUNDLED_OPENLINEAGE + (iri.startsWith(OPENLINEAGE_SPEC + "facets/") ? "facets/" : "") + file;
    }

    /**
     * The problems of a RunEvent, each as {@code <JSON path>: <what is wrong>}; empty when the event and every
     * facet in it are valid.
     */
    public static List<String> validate(JsonNode event) {
        requireNonNull(event, "event is null");
        return INSTANCE.problems(event);
    }

    private List<String> problems(JsonNode event) {
        List<String> problems = new ArrayList<>();
        eventSchema.validate(event).forEach(message -> problems.add(describe(message)));
        checkFacets(event.path("run").path("facets"), "$.run.facets", problems);
        checkFacets(event.path("job").path("facets"), "$.job.facets", problems);
        for (String side : List.of("inputs", "outputs")) {
            JsonNode datasets = event.path(side);
            for (int i = 0; i < datasets.size(); i++) {
                String at = "$." + side + "[" + i + "]";
                checkFacets(datasets.get(i).path("facets"), at + ".facets", problems);
                String own = side.equals("inputs") ? "inputFacets" : "outputFacets";
                checkFacets(datasets.get(i).path(own), at + "." + own, problems);
            }
        }
        return problems;
    }

    private void checkFacets(JsonNode facets, String at, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = facets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> facet = it.next();
            FacetSchema known = facetSchemas.get(facet.getKey());
            if (known == null) {
                problems.add(at + "." + facet.getKey() + ": no schema is known for this facet");
                continue;
            }
            ObjectNode wrapped = JsonNodeFactory.instance.objectNode().set(facet.getKey(), facet.getValue());
            for (ValidationMessage message : known.schema().validate(wrapped)) {
                problems.add(relocate(at, message));
            }
            String schemaUrl = facet.getValue().path("_schemaURL").asText("");
            if (!schemaUrl.startsWith(known.id() + "#")) {
                problems.add(at + "." + facet.getKey() + "._schemaURL: is " + schemaUrl + ", expected a pointer into "
                        + known.id());
            }
        }
    }

    /** A facet was validated on its own, wrapped as {@code {name: facet}}; show the path within the event. */
    private static String relocate(String at, ValidationMessage message) {
        String path = message.getInstanceLocation().toString();
        return at + path.substring(1) + ": " + stripPath(message);
    }

    private static String describe(ValidationMessage message) {
        return message.getInstanceLocation() + ": " + stripPath(message);
    }

    private static String stripPath(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
