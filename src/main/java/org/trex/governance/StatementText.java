package org.trex.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical text board members sign: a title line, then one {@code key: value} line per field in a fixed
 * order, free text as a JSON string so that no value can end its line early or pose as another field.
 */
final class StatementText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String title;
    private final Map<String, String> lines = new LinkedHashMap<>();

    StatementText(String title) {
        this.title = title;
    }

    StatementText plain(String key, Object value) {
        lines.put(key, String.valueOf(value));
        return this;
    }

    StatementText quoted(String key, String value) {
        return plain(key, quote(value));
    }

    /** A text as a JSON string: quoted, with newlines and quotes escaped. */
    static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write statement text: " + e.getOriginalMessage(), e);
        }
    }

    String text() {
        StringBuilder out = new StringBuilder(title).append('\n');
        lines.forEach((key, value) -> out.append(key).append(": ").append(value).append('\n'));
        return out.toString();
    }

    /** The fields of a statement with this title and exactly these keys, in order; values as written. */
    static Map<String, String> fields(String text, String title, List<String> keys) {
        String normalised = text.replace("\r\n", "\n");
        List<String> all = normalised.lines().toList();
        if (all.isEmpty() || !all.get(0).equals(title)) {
            throw new IllegalArgumentException("Cannot read statement: its first line is not '" + title + "'");
        }
        if (all.size() != keys.size() + 1) {
            throw new IllegalArgumentException("Cannot read statement: it has " + (all.size() - 1)
                    + " fields, expected " + keys);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String line = all.get(i + 1);
            String prefix = keys.get(i) + ": ";
            if (!line.startsWith(prefix)) {
                throw new IllegalArgumentException("Cannot read statement: line " + (i + 2) + " is not the field "
                        + keys.get(i));
            }
            fields.put(keys.get(i), line.substring(prefix.length()));
        }
        return fields;
    }

    static String unquoted(String value, String key) {
        try {
            return JSON.readValue(value, String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read statement field " + key + ": it is not a quoted text");
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
