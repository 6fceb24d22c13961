package org.trex.extract;

import static java.util.Comparator.comparing;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code manifest.json} at the root of an extract: which run made it, the spec and plan it came from, every
 * other file with its size and SHA-256, and each output's rows and content digest. Written with sorted keys
 * and files sorted by path, so the same extract always gives the same bytes.
 */
public record Manifest(
        String extract, UUID runId, String specSha256, String planHash, List<ManifestFile> files,
        List<ManifestOutput> outputs) {

    /** The manifest's own file name; it is the one file it does not list. */
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

    public Manifest {
        requireNonNull(extract, "extract is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(specSha256, "specSha256 is null");
        requireNonNull(planHash, "planHash is null");
        files = requireNonNull(files, "files is null").stream().sorted(comparing(ManifestFile::path)).toList();
        outputs = requireNonNull(outputs, "outputs is null").stream().sorted(comparing(ManifestOutput::name)).toList();
    }

    /**
     * Lists every file under an extract directory except the manifest itself, with the given rows for the data
     * files and the SHA-256 of any file already digested (both keyed by relative path); other files are digested here.
     */
    public static Manifest of(
            Path extractDir,
            String extract,
            UUID runId,
            String specSha256,
            String planHash,
            Map<String, Long> rowsByPath,
            Map<String, String> sha256ByPath,
            List<ManifestOutput> outputs) {
        requireNonNull(rowsByPath, "rowsByPath is null");
        requireNonNull(sha256ByPath, "sha256ByPath is null");
        List<ManifestFile> files = new ArrayList<>();
        for (String path : listFiles(extractDir)) {
            Path file = extractDir.resolve(path);
            Long rows = rowsByPath.get(path);
            // Data files were digested as they were written; reading gigabytes again would add nothing.
            String sha256 = sha256ByPath.containsKey(path) ? sha256ByPath.get(path) : FileDigests.sha256(file);
            files.add(new ManifestFile(path, ManifestFile.formatOf(path), size(file), sha256,
                    rows == null ? OptionalLong.empty() : OptionalLong.of(rows)));
        }
        return new Manifest(extract, runId, specSha256, planHash, files, outputs);
    }

    /**
     * The relative paths (with {@code /}) of all regular files under an extract directory, sorted, except
     * {@code manifest.json} and, in staging, the run's {@code .lease} at its root and its {@code .unpublished} files.
     */
    public static List<String> listFiles(Path extractDir) {
        requireNonNull(extractDir, "extractDir is null");
        try (Stream<Path> walk = Files.walk(extractDir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> extractDir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(FILE_NAME))
                    // The run's lease, held in staging until the rename, is none of the extract's files; nor are
                    // the files it keeps there unpublished (the people of its outputs, hundreds of thousands of lines).
                    .filter(p -> !p.equals(Lease.FILE) && !p.startsWith(ExtractDirectory.UNPUBLISHED + "/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list files of " + extractDir + ": " + e.getMessage(), e);
        }
    }

    /** The manifest as its JSON tree. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("extract", extract);
        root.put("runId", runId.toString());
        root.put("specSha256", specSha256);
        root.put("planHash", planHash);
        ArrayNode fileNodes = root.putArray("files");
        for (ManifestFile file : files) {
            ObjectNode node = fileNodes.addObject()
                    .put("path", file.path())
                    .put("format", file.format())
                    .put("bytes", file.bytes())
                    .put("sha256", file.sha256());
            file.rows().ifPresent(rows -> node.put("rows", rows));
        }
        ArrayNode outputNodes = root.putArray("outputs");
        for (ManifestOutput output : outputs) {
            outputNodes.addObject()
                    .put("name", output.name())
                    .put("rows", output.rows())
                    .put("contentSha256", output.contentSha256());
        }
        return root;
    }

    /** The manifest's bytes: sorted keys, two-space indent, a final newline. */
    public byte[] toBytes() {
        try {
            return (JSON.writeValueAsString(toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write manifest: " + e.getMessage(), e);
        }
    }

    /** Writes {@code manifest.json} into the extract directory. */
    public Path write(Path extractDir) {
        Path file = extractDir.resolve(FILE_NAME);
        try {
            Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Reads {@code manifest.json} from an extract directory, or fails saying what is wrong with it. */
    public static Manifest read(Path extractDir) {
        Path file = extractDir.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // The parser's own message quotes the text it could not read, which may be anything.
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("Cannot read " + file + ": it is not JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            List<ManifestFile> files = new ArrayList<>();
            for (JsonNode node : required(root, "files")) {
                JsonNode rows = node.get("rows");
                files.add(new ManifestFile(text(node, "path"), text(node, "format"), number(node, "bytes"),
                        text(node, "sha256"), rows == null ? OptionalLong.empty() : OptionalLong.of(rows.asLong())));
            }
            List<ManifestOutput> outputs = new ArrayList<>();
            for (JsonNode node : required(root, "outputs")) {
                outputs.add(new ManifestOutput(text(node, "name"), number(node, "rows"), text(node, "contentSha256")));
            }
            return new Manifest(text(root, "extract"), runId(root), text(root, "specSha256"),
                    text(root, "planHash"), files, outputs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static UUID runId(JsonNode root) {
        String value = text(root, "runId");
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"runId\" is not a UUID", e);
        }
    }

    private static JsonNode required(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = required(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a string");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String name) {
        JsonNode value = required(node, name);
        if (!value.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a whole number");
        }
        return value.asLong();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read size of " + file + ": " + e.getMessage(), e);
        }
    }
}
