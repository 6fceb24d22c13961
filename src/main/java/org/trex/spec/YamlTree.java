package org.trex.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * A YAML document as a tree whose every node knows its line and column. Jackson's own tree drops token
 * locations, and every message a board member reads must point at the line to fix.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    /** The largest spec or policy file read: 1 MB, many times any real one. */
    static final long MAX_BYTES = 1_000_000;

    private YamlTree() {
    }

    /** Where a node starts; 1-based, 0 when unknown (a model built in code). */
    record Location(int line, int column) {
        static final Location UNKNOWN = new Location(0, 0);

        static Location of(JsonLocation location) {
            return location == null ? UNKNOWN
                    : new Location(Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
        }
    }

    /** What a scalar was written as; plain YAML words like {@code 12} and {@code true} are not text. */
    enum ScalarKind {
        TEXT("text"), WHOLE_NUMBER("a whole number"), DECIMAL("a decimal number"), BOOLEAN("true or false"),
        EMPTY("empty");

        private final String description;

        ScalarKind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    sealed interface Node permits MapNode, ListNode, ScalarNode {
        Location location();

        /** How the node reads in a message: a scalar's quoted value (blank when empty), or what kind of node it is. */
        String describe();
    }

    record Entry(Location keyLocation, Node value) {
    }

    record MapNode(Location location, Map<String, Entry> entries) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record ListNode(Location location, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    record ScalarNode(Location location, ScalarKind kind, String text) implements Node {
        @Override
        public String describe() {
            return kind == ScalarKind.EMPTY ? "" : "'" + text + "'";
        }
    }

    /** The document's root, or empty after reporting why it cannot be read. */
    static Optional<Node> parse(Problems problems) {
        try {
            long size = Files.size(problems.file());
            if (size > MAX_BYTES) {
                // Checked before parsing: a huge value takes minutes and gigabytes to parse before any check could run.
                problems.add(Location.UNKNOWN, "Cannot read " + problems.file() + ": it is " + size
                        + " bytes, more than the " + MAX_BYTES + " a spec or policy may be");
                return Optional.empty();
            }
        } catch (IOException e) {
            // Reported below as the reader meets it.
        }
        if (Files.isDirectory(problems.file())) {
            problems.add(Location.UNKNOWN, "Cannot read " + problems.file()
                    + ": it is a directory, expected a YAML file");
            return Optional.empty();
        }
        Optional<String> text = text(problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(text.get())) {
            if (parser.nextToken() == null) {
                problems.add(new Location(1, 1),
                        "Cannot read YAML: the file is empty (or holds only comments), expected a YAML mapping");
                return Optional.empty();
            }
            Node root = node(parser, problems);
            if (parser.nextToken() != null) {
                problems.add(Location.of(parser.currentTokenLocation()), "Cannot read a second YAML document: "
                        + problems.file() + " must hold one document (a second would be ignored), remove the '---'");
                return Optional.empty();
            }
            refuseAnchorsAndAliases(text.get(), problems);
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            syntaxError(e, problems);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + problems.file() + ": " + e.getMessage(), e);
        }
    }

    /** The file's text, or empty after reporting why it has none: no such file, or bytes that are not UTF-8. */
    private static Optional<String> text(Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(problems.file());
        } catch (NoSuchFileException e) {
            problems.add(Location.UNKNOWN, "Cannot read " + problems.file() + ": there is no such file");
            return Optional.empty();
        } catch (IOException e) {
            problems.add(Location.UNKNOWN, "Cannot read " + problems.file() + ": " + firstLine(e.getMessage()));
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer decoded = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, decoded, true);
        if (result.isError()) {
            // placed at the first bad byte, which is not shown: a spec holds none of a person's data, but keep it so
            decoded.flip();
            String before = decoded.toString();
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - before.lastIndexOf('\n');
            problems.add(new Location(line, column),
                    "Cannot read YAML: a byte here is not UTF-8, expected a UTF-8 text file (save it as UTF-8)");
            return Optional.empty();
        }
        decoded.flip();
        return Optional.of(decoded.toString());
    }

    /**
     * Reports a YAML syntax error where the parser met the problem (its problem mark), with its reason; the context
     * (the construct it was reading, which can start many lines earlier) follows in brackets. The parser's own message
     * is not used: it quotes the lines around the problem.
     */
    private static void syntaxError(JsonProcessingException e, Problems problems) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                StringBuilder why = new StringBuilder(firstLine(marked.getProblem()));
                if (marked.getContext() != null && marked.getContextMark() != null) {
                    Location context = location(marked.getContextMark());
                    why.append(" (").append(firstLine(marked.getContext())).append(" that starts at line ")
                            .append(context.line()).append(", column ").append(context.column()).append(')');
                }
                problems.add(location(marked.getProblemMark()), "Cannot read YAML: " + why);
                return;
            }
        }
        problems.add(Location.of(e.getLocation()), "Cannot read YAML: " + firstLine(e.getOriginalMessage()));
    }

    /** The node at a JSON pointer ({@code /outputs/0/fields}), or its nearest ancestor that exists. */
    static Node nearest(Node root, String pointer) {
        Node node = root;
        for (String step : pointer.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            Optional<Node> child = child(node, step);
            if (child.isEmpty()) {
                return node;
            }
            node = child.get();
        }
        return node;
    }

    /** Whether a node exists at a JSON pointer. */
    static boolean has(Node root, String pointer) {
        Node node = root;
        for (String step : pointer.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            Optional<Node> child = child(node, step);
            if (child.isEmpty()) {
                return false;
            }
            node = child.get();
        }
        return true;
    }

    private static Optional<Node> child(Node node, String step) {
        if (node instanceof MapNode map) {
            return Optional.ofNullable(map.entries().get(step)).map(Entry::value);
        }
        if (node instanceof ListNode list && step.chars().allMatch(Character::isDigit) && !step.isEmpty()) {
            int index = Integer.parseInt(step);
            return index < list.items().size() ? Optional.of(list.items().get(index)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Node node(JsonParser parser, Problems problems) throws IOException {
        Location location = Location.of(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyLocation = Location.of(parser.currentTokenLocation());
                    parser.nextToken();
                    Node value = node(parser, problems);
                    Entry first = entries.putIfAbsent(key, new Entry(keyLocation, value));
                    if (first != null) {
                        problems.add(keyLocation, "Cannot read key " + key + ": it appears twice, first on line "
                                + first.keyLocation().line() + ", expected each key once");
                    }
                }
                return new MapNode(location, Collections.unmodifiableMap(entries));
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, problems));
                }
                return new ListNode(location, List.copyOf(items));
            }
            case VALUE_NUMBER_INT -> {
                return new ScalarNode(location, ScalarKind.WHOLE_NUMBER, parser.getText());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(location, ScalarKind.DECIMAL, parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ScalarNode(location, ScalarKind.BOOLEAN, parser.getText());
            }
            case VALUE_NULL -> {
                return new ScalarNode(location, ScalarKind.EMPTY, "");
            }
            default -> {
                return new ScalarNode(location, ScalarKind.TEXT, parser.getText());
            }
        }
    }

    /**
     * An alias would read as its anchor's name as text, and an anchor is only there to be aliased (alone, it is what
     * is left of an edit that meant one): a file says what it means in place. They are found in YAML's own events,
     * as Jackson reports an anchor on a mapping or a list but not on a scalar; the document has parsed already.
     */
    private static void refuseAnchorsAndAliases(String text, Problems problems) throws IOException {
        try (Reader reader = new StringReader(text)) {
            for (Event event : new Yaml().parse(reader)) {
                if (event instanceof AliasEvent alias) {
                    problems.add(location(alias.getStartMark()), "Cannot use YAML alias *" + alias.getAnchor()
                            + ": aliases and anchors are not allowed, write the value out");
                } else if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    problems.add(location(node.getStartMark()), "Cannot use YAML anchor &" + node.getAnchor()
                            + ": aliases and anchors are not allowed, remove it");
                }
            }
        }
    }

    /** SnakeYAML counts lines and columns from 0, Jackson (and every message) from 1. */
    private static Location location(Mark mark) {
        return mark == null ? Location.UNKNOWN : new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String firstLine(String message) {
        String text = message == null ? "malformed document" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
