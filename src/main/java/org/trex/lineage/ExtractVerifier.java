package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.trex.extract.FileDigests;
import org.trex.extract.Manifest;
import org.trex.extract.ManifestFile;

/**
 * Checks an extract directory on its own, without the database: every file against the manifest, the lineage
 * events against their schemas, the run's START and COMPLETE, that every count the lineage publishes is one the
 * disclosure rules it states could show ({@link PublishedCounts}), the reconciliation (within the rounding of what is
 * shown) and the output files the lineage names against the manifest, and that no file but the data (lineage, data
 * dictionary, manifest, approval) holds what looks like an NHS number, a postcode or a date of birth
 * ({@link PersonalDataScan}; {@link BirthDates}: given the source, only its people's).
 * The manifest and the lineage check each other, so changing a data file means changing both.
 */
public final class ExtractVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractVerifier() {
    }

    /** The problems found in an extract directory, any old date around the data taken for a date of birth. */
    public static List<String> verify(Path extractDir) {
        return verify(extractDir, BirthDates.LOOK_ALIKES);
    }

    /** The problems found in an extract directory; empty when it verifies. */
    public static List<String> verify(Path extractDir, BirthDates birthDates) {
        requireNonNull(extractDir, "extractDir is null");
        requireNonNull(birthDates, "birthDates is null");
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(extractDir)) {
            problems.add("Cannot verify " + extractDir + ": not a directory");
            return problems;
        }
        if (!Files.isRegularFile(extractDir.resolve(Manifest.FILE_NAME))) {
            problems.add("Cannot verify " + extractDir + ": " + Manifest.FILE_NAME + " is missing");
            return problems;
        }
        Manifest manifest;
        try {
            manifest = Manifest.read(extractDir);
        } catch (IllegalArgumentException e) {
            problems.add("Cannot verify " + Manifest.FILE_NAME + ": " + e.getMessage());
            return problems;
        }
        checkFiles(extractDir, manifest, problems);
        checkLineage(extractDir, manifest, problems);
        problems.addAll(PersonalDataScan.problems(extractDir, birthDates));
        return problems;
    }

    /**
     * What {@link #verify} would find around the data of an extract about to be published (what looks like an NHS
     * number, a postcode or an adult's date of birth), without digesting its data: a run refuses to publish what
     * verify would fail.
     */
    public static List<String> personalData(Path extractDir) {
        return PersonalDataScan.problems(requireNonNull(extractDir, "extractDir is null"), BirthDates.LOOK_ALIKES);
    }

    /**
     * The loaded files the extract's COMPLETE event names as inputs (none when its sources were not loaded by
     * {@code trex load}); an input that does not describe a load is left to {@link #verify} to report.
     */
    public static List<SourceLoad> loads(Path extractDir) {
        requireNonNull(extractDir, "extractDir is null");
        List<SourceLoad> loads = new ArrayList<>();
        for (JsonNode event : events(extractDir)) {
            if (!"COMPLETE".equals(event.path("eventType").asText())) {
                continue;
            }
            for (JsonNode input : event.path("inputs")) {
                JsonNode load = input.path("facets").path("trex_load");
                if (load.isObject()) {
                    try {
                        loads.add(new SourceLoad(load.path("source").asText(), load.path("period").asText(),
                                input.path("name").asText(), input.at("/facets/version/datasetVersion").asText(),
                                load.path("rowsLoaded").isIntegralNumber()
                                        ? OptionalLong.of(load.path("rowsLoaded").asLong()) : OptionalLong.empty(),
                                Instant.parse(load.path("loadedAt").asText()), council(load.path("councilCode"))));
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        // Not a well-formed load: verify() names it against the facet's schema.
                    }
                }
            }
        }
        return List.copyOf(loads);
    }

    /** What a load's facet says of the council's LA code: nothing where it has no {@code councilCode}. */
    private static Optional<CouncilCodeCheck> council(JsonNode code) {
        if (code.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(code.isNull() ? CouncilCodeCheck.NOT_CHECKED
                : new CouncilCodeCheck(Optional.of(code.asText())));
    }

    private static void checkFiles(Path extractDir, Manifest manifest, List<String> problems) {
        Set<String> listed = new HashSet<>();
        for (ManifestFile entry : manifest.files()) {
            listed.add(entry.path());
            Path file = extractDir.resolve(entry.path());
            if (!Files.isRegularFile(file)) {
                problems.add("Cannot verify " + entry.path() + ": file is missing");
                continue;
            }
            long size = size(file);
            if (size != entry.bytes()) {
                problems.add("Cannot verify " + entry.path() + ": size is " + size + " bytes, manifest says "
                        + entry.bytes());
            }
            String sha256 = FileDigests.sha256(file);
            if (!sha256.equals(entry.sha256())) {
                problems.add("Cannot verify " + entry.path() + ": SHA-256 is " + sha256 + ", manifest says "
                        + entry.sha256());
            }
        }
        for (String path : Manifest.listFiles(extractDir)) {
            if (!listed.contains(path)) {
                problems.add("Cannot verify " + path + ": file is not in the manifest");
            }
        }
    }

    private static void checkLineage(Path extractDir, Manifest manifest, List<String> problems) {
        Path log = extractDir.resolve(LineageLog.PATH);
        if (!Files.isRegularFile(log)) {
            problems.add("Cannot verify " + LineageLog.PATH + ": file is missing");
            return;
        }
        List<String> lines = lines(log);
        JsonNode start = null;
        JsonNode complete = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = LineageLog.PATH + " line " + (i + 1);
            JsonNode event;
            try {
                event = JSON.readTree(lines.get(i));
            } catch (IOException e) {
                problems.add("Cannot verify " + where + ": not JSON");
                continue;
            }
            LineageValidator.validate(event).forEach(p -> problems.add("Cannot verify " + where + ": " + p));
            if (!manifest.runId().toString().equals(event.path("run").path("runId").asText())) {
                problems.add("Cannot verify " + where + ": run ID is " + event.path("run").path("runId").asText()
                        + ", manifest says " + manifest.runId());
                continue;
            }
            switch (event.path("eventType").asText()) {
                case "START" -> start = event;
                case "COMPLETE" -> complete = event;
                default -> { }
            }
            shownCounts(event, where, problems);
        }
        if (start == null) {
            problems.add("Cannot verify " + LineageLog.PATH + ": no START event for run " + manifest.runId());
        }
        if (complete == null) {
            problems.add("Cannot verify " + LineageLog.PATH + ": no COMPLETE event for run " + manifest.runId());
            return;
        }
        checkReconciliation(complete, problems);
        checkOutputFiles(complete, manifest, problems);
    }

    /**
     * The counts an event publishes, each of which must be one its stated rules could show: an exact count where the
     * rules would round or suppress it is one the lineage must not publish.
     */
    private static void shownCounts(JsonNode event, String where, List<String> problems) {
        PublishedCounts counts;
        try {
            counts = PublishedCounts.stated(event.at("/run/facets/trex_policy"));
        } catch (IllegalArgumentException e) {
            problems.add("Cannot verify " + where + ": " + e.getMessage());
            return;
        }
        Map<String, JsonNode> published = new LinkedHashMap<>();
        for (JsonNode input : event.path("inputs")) {
            published.put("rows read from " + input.path("name").asText(),
                    input.at("/inputFacets/inputStatistics/rowCount"));
            published.put("rows loaded from " + input.path("name").asText(), input.at("/facets/trex_load/rowsLoaded"));
        }
        for (JsonNode exclusion : event.at("/run/facets/trex_exclusions/exclusions")) {
            String reason = exclusion.path("reason").asText();
            published.put("rows left out as " + reason, exclusion.path("rows"));
            if (exclusion.path("peopleCountable").asBoolean(true)) {
                published.put("people left out as " + reason, exclusion.path("people"));
            } else if (!exclusion.path("people").isNull()) {
                problems.add("Cannot verify " + where + ": people left out as " + reason + " is "
                        + exclusion.path("people") + ", but its records cannot be counted as people");
            }
        }
        for (JsonNode output : event.path("outputs")) {
            published.put("values suppressed in " + output.path("name").asText(),
                    output.at("/facets/trex_disclosure/valuesSuppressed"));
        }
        for (JsonNode output : event.at("/run/facets/trex_reconciliation/outputs")) {
            published.put("rows in of output " + output.path("name").asText(), output.path("rowsIn"));
            published.put("rows left out of output " + output.path("name").asText(), output.path("rowsLeftOut"));
        }
        published.forEach((what, value) -> {
            if (!value.isMissingNode()) {
                counts.problem(value).ifPresent(p -> problems.add("Cannot verify " + where + ": " + what + " is " + p));
            }
        });
    }

    /**
     * Rows in - left out = rows out, as far as what is shown says: the run checked it on the exact counts before it
     * published, and the lineage shows rows in and left out through the disclosure rules, so a record output's rows
     * out (exact: its files show them) must be one the shown counts allow. An aggregate's rows out are its cells'.
     */
    private static void checkReconciliation(JsonNode complete, List<String> problems) {
        PublishedCounts counts;
        try {
            counts = PublishedCounts.stated(complete.at("/run/facets/trex_policy"));
        } catch (IllegalArgumentException e) {
            return; // reported with the event's counts
        }
        for (JsonNode output : complete.at("/run/facets/trex_reconciliation/outputs")) {
            String name = output.path("name").asText();
            JsonNode in = output.path("rowsIn");
            JsonNode leftOut = output.path("rowsLeftOut");
            if (!OutputKind.RECORDS.code().equals(output.path("kind").asText())) {
                if (!output.path("rowsOut").isMissingNode()) {
                    problems.add("Cannot verify output " + name + ": lineage says " + output.path("rowsOut")
                            + " rows out of an aggregate, whose counted rows only its cells may show");
                }
                continue;
            }
            if (counts.problem(in).isPresent() || counts.problem(leftOut).isPresent()
                    || !output.path("rowsOut").isIntegralNumber()) {
                continue;
            }
            long out = output.path("rowsOut").asLong();
            long lowest = (long) (counts.behind(in).lower() - counts.behind(leftOut).upper());
            long highest = (long) (counts.behind(in).upper() - counts.behind(leftOut).lower());
            if (out < lowest || out > highest) {
                problems.add("Cannot verify output " + name + ": " + counts.text(in) + " rows in - "
                        + counts.text(leftOut) + " left out is " + (lowest == highest ? lowest
                                : "from " + Math.max(lowest, 0) + " to " + highest) + " (" + counts.words()
                        + "), lineage says " + out + " rows out");
            }
        }
    }

    /** The data files the COMPLETE event names must be the data files the manifest lists, rows and digests alike. */
    private static void checkOutputFiles(JsonNode complete, Manifest manifest, List<String> problems) {
        Map<String, ManifestFile> dataFiles = new HashMap<>();
        for (ManifestFile file : manifest.files()) {
            if (file.rows().isPresent()) {
                dataFiles.put(file.path(), file);
            }
        }
        Map<String, Long> rowsOut = new HashMap<>();
        complete.at("/run/facets/trex_reconciliation/outputs")
                .forEach(o -> rowsOut.put(o.path("name").asText(), o.path("rowsOut").asLong()));
        Map<String, String> contentDigests = new HashMap<>();
        Map<String, Long> groups = new HashMap<>();
        Set<String> named = new HashSet<>();
        for (JsonNode output : complete.at("/run/facets/trex_outputFiles/outputs")) {
            String name = output.path("name").asText();
            if (!OutputKind.RECORDS.code().equals(output.path("kind").asText())) {
                // Aggregate files hold groups; their rows are checked against the manifest only.
                rowsOut.remove(name);
            }
            contentDigests.put(name, output.path("contentSha256").asText());
            for (JsonNode file : output.path("files")) {
                String path = file.path("path").asText();
                named.add(path);
                ManifestFile listed = dataFiles.get(path);
                if (listed == null) {
                    problems.add("Cannot verify " + path + ": lineage names it as a file of output " + name
                            + ", manifest does not list it with rows");
                    continue;
                }
                String sha256 = file.path("sha256").asText();
                if (!sha256.equals(listed.sha256())) {
                    problems.add("Cannot verify " + path + ": lineage says SHA-256 " + sha256 + ", manifest says "
                            + listed.sha256());
                }
                long rows = file.path("rows").asLong();
                if (!rowsOut.containsKey(name)) {
                    groups.put(name, rows);
                }
                if (rows != listed.rows().getAsLong()) {
                    problems.add("Cannot verify " + path + ": lineage says " + rows + " rows, manifest says "
                            + listed.rows().getAsLong());
                }
                if (rowsOut.containsKey(name) && rows != rowsOut.get(name)) {
                    problems.add("Cannot verify " + path + ": " + rows + " rows, but output " + name + " has "
                            + rowsOut.get(name) + " rows out");
                }
            }
        }
        for (String path : dataFiles.keySet()) {
            if (!named.contains(path)) {
                problems.add("Cannot verify " + path + ": manifest lists it as data, lineage names no such file");
            }
        }
        manifest.outputs().forEach(output -> {
            String digest = contentDigests.get(output.name());
            if (digest == null) {
                problems.add("Cannot verify output " + output.name() + ": lineage has no such output");
            } else if (!digest.equals(output.contentSha256())) {
                problems.add("Cannot verify output " + output.name() + ": lineage says content SHA-256 " + digest
                        + ", manifest says " + output.contentSha256());
            } else if (rowsOut.containsKey(output.name()) && rowsOut.get(output.name()) != output.rows()) {
                problems.add("Cannot verify output " + output.name() + ": lineage says " + rowsOut.get(output.name())
                        + " rows out, manifest says " + output.rows());
            } else if (groups.containsKey(output.name()) && groups.get(output.name()) != output.rows()) {
                // An aggregate has no rows-out count to hold its manifest rows to; its files' rows are that count.
                problems.add("Cannot verify output " + output.name() + ": its files hold " + groups.get(output.name())
                        + " rows, manifest says " + output.rows());
            }
        });
    }

    /** The lineage log's events that parse as JSON (the others are reported by {@link #verify}). */
    static List<JsonNode> events(Path extractDir) {
        Path log = extractDir.resolve(LineageLog.PATH);
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines(log)) {
            try {
                events.add(JSON.readTree(line));
            } catch (IOException e) {
                // Reported by verify() with its line.
            }
        }
        return events;
    }

    static List<String> lines(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot verify " + file + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot verify " + file + ": " + e.getMessage(), e);
        }
    }
}
