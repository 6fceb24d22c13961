package org.trex.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.trex.load.CouncilCode;
import org.trex.load.LoadMode;
import org.trex.load.LoadOutcome;
import org.trex.load.LoadRequest;
import org.trex.load.NationalColumn;
import org.trex.load.SourceKind;
import org.trex.load.SourceLoader;
import org.trex.nhs.NhsNumber;
import org.trex.source.DatabaseUrl;

/**
 * {@code trex bench-load}: writes a social care file of N event rows (five per person, valid 999-range NHS
 * numbers) and times {@code trex load social-care} on it, from opening the file to the commit and ANALYZE.
 */
public final class LoadBench {
    private static final int EVENTS_PER_PERSON = 5;
    /** The code the file's rows state, which the load is held to, as a council's load is. */
    private static final CouncilCode COUNCIL = new CouncilCode("E08000026");

    private LoadBench() {
    }

    /** What a bench run measured. */
    public record Result(long rows, long rowsLoaded, double seconds) {
    }

    /** Writes the file under {@code dir}, loads it into {@code url} and removes the file. */
    public static Result run(DatabaseUrl url, Path dir, int rows) {
        requireNonNull(url, "url is null");
        Path file = dir.resolve("bench-cld-" + rows + ".csv");
        try {
            write(file, rows);
            long started = System.nanoTime();
            LoadOutcome outcome = SourceLoader.load(url, new LoadRequest(SourceKind.SOCIAL_CARE, List.of(file),
                    Optional.empty(), Optional.empty(), Optional.of(COUNCIL), LoadMode.LOAD), report -> { });
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(outcome.report().rowsRead(), outcome.report().rowsLoaded(), seconds);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove the bench file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static void write(Path file, int rows) {
        List<String> header = SourceKind.SOCIAL_CARE.columns().stream().map(NationalColumn::name).toList();
        LocalDate start = LocalDate.of(2024, 4, 1);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", header));
            out.write("\r\n");
            for (int i = 0; i < rows; i++) {
                int person = i / EVENTS_PER_PERSON;
                String nine = Integer.toString(999_000_000 + person % 900_000);
                int check = NhsNumber.checkDigit(nine);
                LocalDate begin = start.plusDays(i % 300);
                out.write(COUNCIL + ",2024-04-01,2025-03-31,P" + person + "," + (check < 0 ? "" : nine + check)
                        + ",1940-05-01,,Female,\"White: English, Welsh, Scottish, Northern Irish or British\",,,"
                        + "Service user,,,Service,E" + i + "," + begin + "," + begin.plusDays(14) + ",,,,,"
                        + "Short term support: ST-Max,Reablement,CASSR commissioned support,,,,,,\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bench file " + file + ": " + e.getMessage(), e);
        }
    }
}
