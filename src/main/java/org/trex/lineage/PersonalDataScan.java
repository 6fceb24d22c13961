package org.trex.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trex.extract.Manifest;
import org.trex.spec.IdentifiersInText;
import org.trex.spec.WholeDates;

/**
 * The part of {@link ExtractVerifier} that reads the files around an extract's data (lineage, data dictionary,
 * manifest, approval) for what looks like an NHS number, a postcode or a date of birth, and names the line without
 * repeating what it found.
 */
final class PersonalDataScan {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonalDataScan() {
    }

    /**
     * Lineage and the files around the data are for a governance board and may travel further than the data: no
     * person's identifiers in them. The data holds what its policy allows, in the forms it allows.
     */
    static List<String> problems(Path extractDir, BirthDates birthDates) {
        List<String> problems = new ArrayList<>();
        // Without the source, only a date old enough to be an adult's; with it, every date, a child's too.
        LocalDate bornBy = birthDates.ages() == BirthDates.Ages.ADULTS
                ? asOf(extractDir).minusYears(BirthDates.ADULT_YEARS) : LocalDate.MAX;
        Set<LocalDate> declared = declaredDates(extractDir);
        Map<String, Set<LocalDate>> candidates = new LinkedHashMap<>();
        for (String path : Manifest.listFiles(extractDir)) {
            if (path.startsWith("data/")) {
                continue;
            }
            List<String> lines = ExtractVerifier.lines(extractDir.resolve(path));
            for (int i = 0; i < lines.size(); i++) {
                // The messages must not repeat what they found.
                if (IdentifiersInText.holdsNhsNumber(lines.get(i))) {
                    problems.add("Cannot verify " + path + ": line " + (i + 1)
                            + " holds what looks like an NHS number");
                }
                if (IdentifiersInText.holdsPostcode(lines.get(i))) {
                    problems.add("Cannot verify " + path + ": line " + (i + 1) + " holds what looks like a postcode");
                }
                Set<LocalDate> dates = WholeDates.in(prose(path, lines.get(i)));
                dates.removeIf(date -> date.isAfter(bornBy) || declared.contains(date));
                if (!dates.isEmpty()) {
                    candidates.put(path + ": line " + (i + 1), dates);
                }
            }
        }
        // One look-up for every line: with the source, it is one query.
        Set<LocalDate> born = candidates.isEmpty() ? Set.of() : birthDates.among()
                .apply(candidates.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
        // The message must not repeat the date it found.
        candidates.forEach((line, dates) -> {
            if (dates.stream().anyMatch(born::contains)) {
                problems.add("Cannot verify " + line + " holds " + birthDates.what());
            }
        });
        return problems;
    }

    /**
     * What of a line may hold a date someone wrote: in JSON, its text (names and values, escapes read); its numbers
     * are TREx's counts and sizes, and a file of 19390702 bytes is no date of birth. Any other line is read whole, as
     * is a line of JSON that does not read as JSON.
     */
    private static String prose(String path, String line) {
        if (!path.endsWith(".ndjson") && !path.endsWith(".json")) {
            return line;
        }
        try {
            StringBuilder text = new StringBuilder();
            appendText(JSON.readTree(line), text);
            return text.toString();
        } catch (JsonProcessingException e) {
            return line;
        }
    }

    private static void appendText(JsonNode node, StringBuilder text) {
        if (node.isTextual()) {
            text.append(node.asText()).append('\n');
        }
        node.fields().forEachRemaining(field -> {
            text.append(field.getKey()).append('\n');
            appendText(field.getValue(), text);
        });
        if (node.isArray()) {
            node.forEach(item -> appendText(item, text));
        }
    }

    /**
     * The dates the run's lineage declares as the run's own, in the fields TREx writes from the approved plan, the
     * governance records and the run itself, never from a person's record: its parameters (the as-of date, the opt-out
     * list's date), its SQL (the spec's windows and conditions), the periods it loaded and its approval's expiry; the
     * report, README and approval statement repeat them. Its times (events, approval, loads) are ISO 8601, a date run
     * into its time, which the scan takes for no whole date. A council with twenty years of history loads periods as
     * old as any adult's date of birth.
     */
    private static Set<LocalDate> declaredDates(Path extractDir) {
        Set<LocalDate> declared = new HashSet<>();
        for (JsonNode event : ExtractVerifier.events(extractDir)) {
            JsonNode facets = event.path("run").path("facets");
            facets.path("executionParameters").path("parameters")
                    .forEach(p -> declared.addAll(WholeDates.in(p.path("value").asText())));
            declared.addAll(WholeDates.in(facets.path("trex_approval").path("expires").asText()));
            declared.addAll(WholeDates.in(event.path("job").path("facets").path("sql").path("query").asText()));
            for (JsonNode input : event.path("inputs")) {
                JsonNode query = input.path("inputFacets").path("trex_sourceQuery").path("query");
                declared.addAll(WholeDates.in(query.asText()));
                declared.addAll(WholeDates.in(input.path("facets").path("trex_load").path("period").asText()));
            }
        }
        return declared;
    }

    /**
     * The run's as-of date, as its lineage's nominal time says; today when the lineage has none (its problems are
     * reported apart), which takes more dates for dates of birth, not fewer.
     */
    private static LocalDate asOf(Path extractDir) {
        for (JsonNode event : ExtractVerifier.events(extractDir)) {
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
}
