package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trex.extract.FileDigests;
import org.trex.extract.Manifest;
import org.trex.extract.ManifestFile;
import org.trex.nhs.NhsNumber;

/**
 * Checks an extract directory on its own, without the database: every file against the manifest, the lineage
 * events against their schemas, the run's START and COMPLETE, the reconciliation and the output files the lineage
 * names against the manifest, and that no file but the data (lineage, data dictionary, manifest, approval) holds what
 * looks like an NHS number, a postcode or a date of birth ({@link BirthDates}: given the source, only its people's).
 * The manifest and the lineage check each other, so changing a data file means changing both.
 */
public final class ExtractVerifier {
    // Letters or digits on either side mean part of a longer token (a hash, a UUID), not a number on its own.
    private static final Pattern NHS_LIKE =
            Pattern.compile("(?<![0-9A-Za-z])\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?![0-9A-Za-z])");
    // A full postcode (outward and inward code); a postcode district alone (e.g. LS1) is allowed in extracts.
    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![0-9A-Za-z])(GIR ?0AA|[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][ABD-HJLNP-UW-Z]{2})(?![0-9A-Za-z])");
    /**
     * A whole date, year first (as TREx writes dates) or day first (as many exports write a date of birth). A date
     * followed by a letter or digit is part of something longer: a time (an event's) or a token.
     */
    private static final Pattern WHOLE_DATE = Pattern.compile("(?<![0-9A-Za-z])(?:(\\d{4})-(\\d{2})-(\\d{2})"
            + "|(\\d{1,2})/(\\d{1,2})/(\\d{4}))(?![0-9A-Za-z])");
    /**
     * How many years before the run's as-of date a date must be to be taken for a date of birth. The run's own
     * dates (as-of, windows, loaded periods, approval, times) are recent; an adult's date of birth is not, and adult
     * social care holds adults. A child's date of birth is too like the run's own dates to be told from them.
     */
    public static final int ADULT_YEARS = 18;
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
        checkNoPersonalData(extractDir, birthDates, problems);
        return problems;
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
                                load.path("rowsLoaded").asLong(), Instant.parse(load.path("loadedAt").asText())));
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        // Not a well-formed load: verify() names it against the facet's schema.
                    }
                }
            }
        }
        return List.copyOf(loads);
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

    private static void checkReconciliation(JsonNode complete, List<String> problems) {
        for (JsonNode output : complete.at("/run/facets/trex_reconciliation/outputs")) {
            long in = output.path("rowsIn").asLong();
            long leftOut = output.path("rowsLeftOut").asLong();
            long out = output.path("rowsOut").asLong();
            if (in - leftOut != out) {
                problems.add("Cannot verify output " + output.path("name").asText() + ": " + in + " rows in - "
                        + leftOut + " left out is " + (in - leftOut) + ", lineage says " + out + " rows out");
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

    /**
     * Lineage and the files around the data are for a governance board and may travel further than the data: no
     * person's identifiers in them. The data holds what its policy allows, in the forms it allows.
     */
    private static void checkNoPersonalData(Path extractDir, BirthDates birthDates, List<String> problems) {
        LocalDate bornBy = asOf(extractDir).minusYears(ADULT_YEARS);
        Set<LocalDate> declared = declaredDates(extractDir);
        Map<String, Set<LocalDate>> oldDates = new LinkedHashMap<>();
        for (String path : Manifest.listFiles(extractDir)) {
            if (path.startsWith("data/")) {
                continue;
            }
            List<String> lines = lines(extractDir.resolve(path));
            for (int i = 0; i < lines.size(); i++) {
                Matcher nhs = NHS_LIKE.matcher(lines.get(i));
                while (nhs.find()) {
                    if (NhsNumber.isValidNormalised(NhsNumber.normalise(nhs.group()))) {
                        // The message must not repeat the number it found.
                        problems.add("Cannot verify " + path + ": line " + (i + 1)
                                + " holds what looks like an NHS number");
                        break;
                    }
                }
                if (POSTCODE.matcher(lines.get(i)).find()) {
                    problems.add("Cannot verify " + path + ": line " + (i + 1) + " holds what looks like a postcode");
                }
                Set<LocalDate> dates = wholeDates(lines.get(i));
                dates.removeIf(date -> date.isAfter(bornBy) || declared.contains(date));
                if (!dates.isEmpty()) {
                    oldDates.put(path + ": line " + (i + 1), dates);
                }
            }
        }
        // One look-up for every line: with the source, it is one query.
        Set<LocalDate> born = oldDates.isEmpty() ? Set.of() : birthDates.among()
                .apply(oldDates.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
        // The message must not repeat the date it found.
        oldDates.forEach((line, dates) -> {
            if (dates.stream().anyMatch(born::contains)) {
                problems.add("Cannot verify " + line + " holds " + birthDates.what());
            }
        });
    }

    /**
     * The dates the run's lineage declares in the fields TREx writes from the approved plan and the record of loads,
     * never from a person's record: its parameters, its SQL (the spec's windows and conditions) and the periods it
     * loaded. A council with twenty years of history loads periods as old as any adult's date of birth.
     */
    private static Set<LocalDate> declaredDates(Path extractDir) {
        Set<LocalDate> declared = new HashSet<>();
        for (JsonNode event : events(extractDir)) {
            event.path("run").path("facets").path("executionParameters").path("parameters")
                    .forEach(p -> declared.addAll(wholeDates(p.path("value").asText())));
            declared.addAll(wholeDates(event.path("job").path("facets").path("sql").path("query").asText()));
            for (JsonNode input : event.path("inputs")) {
                declared.addAll(wholeDates(input.path("inputFacets").path("trex_sourceQuery").path("query").asText()));
                declared.addAll(wholeDates(input.path("facets").path("trex_load").path("period").asText()));
            }
        }
        return declared;
    }

    private static Set<LocalDate> wholeDates(String line) {
        Set<LocalDate> dates = new HashSet<>();
        Matcher date = WHOLE_DATE.matcher(line);
        while (date.find()) {
            try {
                dates.add(date.group(1) != null
                        ? LocalDate.of(number(date, 1), number(date, 2), number(date, 3))
                        : LocalDate.of(number(date, 6), number(date, 5), number(date, 4)));
            } catch (DateTimeException e) {
                // Not a calendar date (a month 13), so no one's date of birth.
            }
        }
        return dates;
    }

    private static int number(Matcher date, int group) {
        return Integer.parseInt(date.group(group));
    }

    /**
     * The run's as-of date, as its lineage's nominal time says; today when the lineage has none (its problems are
     * reported apart), which takes more dates for dates of birth, not fewer.
     */
    private static LocalDate asOf(Path extractDir) {
        for (JsonNode event : events(extractDir)) {
            try {
                String time = event.at("/run/facets/nominalTime/nominalStartTime").asText();
                if (!time.isEmpty()) {
                    return LocalDate.ofInstant(Instant.parse(time), ZoneOffset.UTC);
                }
            } catch (DateTimeParseException e) {
                // Not an event with a nominal time: the next one may be.
            }
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The lineage log's events that parse as JSON (the others are reported by {@link #verify}). */
    private static List<JsonNode> events(Path extractDir) {
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

    private static List<String> lines(Path file) {
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
