package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The lineage events of a run as NDJSON ({@code lineage/openlineage.ndjson}): one event per line. */
public final class LineageLog {
    /** Where the events live, relative to the extract directory. */
    public static final String PATH = "lineage/openlineage.ndjson";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private LineageLog() {
    }

    /**
     * Appends one event as a line, creating the file and its directories when needed, readable by their owner only (a
     * failed run's log lies outside any extract directory, whose permissions are set when it is published).
     */
    public static void append(Path file, JsonNode event) {
        requireNonNull(file, "file is null");
        requireNonNull(event, "event is null");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            }
            ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
            try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_FILE))) {
                while (line.hasRemaining()) {
                    channel.write(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write lineage event to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the events, replacing the file. */
    public static void write(Path file, List<? extends JsonNode> events) {
        requireNonNull(events, "events is null");
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace " + file + ": " + e.getMessage(), e);
        }
        events.forEach(event -> append(file, event));
    }

    /** Reads the events back, failing on the first line that is not JSON. */
    public static List<JsonNode> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                events.add(JSON.readTree(lines.get(i)));
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read " + file + " line " + (i + 1) + ": not JSON", e);
            }
        }
        return events;
    }
}
