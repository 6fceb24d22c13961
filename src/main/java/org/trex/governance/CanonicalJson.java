package org.trex.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.function.UnaryOperator;

/**
 * The JSON form audit hashes are computed over: object keys sorted, no whitespace, numbers exactly as
 * parsed (never through a double), so that anyone can recompute a hash from the stored row.
 */
final class CanonicalJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private CanonicalJson() {
    }

    /** JSON text to plain maps, lists and exact numbers, ready for {@link #write(Object)}. */
    static Object parse(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The value as a JSON tree, each of its texts (object keys too) through {@code texts}. */
    static JsonNode withTexts(Object value, UnaryOperator<String> texts) {
        return withTexts(MAPPER.valueToTree(value), texts);
    }

    private static JsonNode withTexts(JsonNode node, UnaryOperator<String> texts) {
        if (node.isTextual()) {
            return TextNode.valueOf(texts.apply(node.asText()));
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = MAPPER.createArrayNode();
            array.forEach(element -> copy.add(withTexts(element, texts)));
            return copy;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = MAPPER.createObjectNode();
            object.fields().forEachRemaining(field -> copy.set(texts.apply(field.getKey()),
                    withTexts(field.getValue(), texts)));
            return copy;
        }
        return node;
    }

    /** The canonical text of a value made of maps, lists, strings, numbers, booleans and nulls. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
