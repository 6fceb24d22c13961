package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trex.extract.IoReasons;

/**
 * The data-quality report of a load: rows per file and every finding (file, line, column, rule, and for a value
 * not on its column's list the listed code it matches but for case and spacing). Built from {@link Finding}s only,
 * so it holds no value of the file: no NHS number, name, date of birth, postcode or free text.
 *
 * @param council the council's LA code a social care load's rows were held to; empty when none was set (and for the
 *     other sources, whose rows state no council)
 */
public record QualityReport(SourceKind kind, List<LoadedFile> files, List<Finding> findings,
        Optional<CouncilCode> council) {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    public QualityReport {
        requireNonNull(kind, "kind is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        findings = List.copyOf(requireNonNull(findings, "findings is null"));
        requireNonNull(council, "council is null");
        CouncilCodes.requireSocialCare(kind, council);
    }

    /** The files' names, as the load was given them. */
    public List<String> fileNames() {
        return files.stream().map(LoadedFile::name).toList();
    }

    public long rowsRead() {
        return files.stream().mapToLong(LoadedFile::rowsRead).sum();
    }

    public long rowsLoaded() {
        return files.stream().mapToLong(LoadedFile::rowsLoaded).sum();
    }

    public long rowsQuarantined() {
        return rowsRead() - rowsLoaded();
    }

    /** Findings per rule, in the rules' order. */
    public Map<QualityRule, Long> countsByRule() {
        Map<QualityRule, Long> counts = new EnumMap<>(QualityRule.class);
        findings.forEach(f -> counts.merge(f.rule(), 1L, Long::sum));
        return counts;
    }

    /** The summary a user reads after a load. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (LoadedFile file : files) {
            lines.add(String.format("%s: %,d rows read, %,d loaded, %,d quarantined (SHA-256 %s)", file.name(),
                    file.rowsRead(), file.rowsLoaded(), file.rowsQuarantined(), file.sha256()));
        }
        if (kind == SourceKind.SOCIAL_CARE) {
            lines.add(council.map(code -> "LA_Code checked: every row loaded states the council's own, " + code)
                    .orElse("LA_Code not checked against the council's own (another council's file would load),"
                            + " only that the rows state one: give " + CouncilCodes.SETTING));
        }
        if (!findings.isEmpty()) {
            // the counts below are of findings: summed, they need not be the rows quarantined above
            lines.add("  findings by rule (a row may break several; flagged rows are loaded):");
        }
        countsByRule().forEach((rule, count) -> lines.add(String.format("  %-9s %,8d %s: %s",
                rule.effect() == QualityRule.Effect.QUARANTINE ? "quarantine" : "flag", count, rule.name(),
                rule.description())));
        return lines;
    }

    /**
     * Writes every finding as CSV (file, line, column, rule, effect, listed code), owner-only as every file TREx
     * writes, and whole: into a file of its own beside {@code report}, renamed over it when complete, so a reader
     * never finds half a report, nor an earlier report's permissions on this one.
     */
    public void write(Path report) {
        requireWritable(report);
        Path folder = report.toAbsolutePath().getParent();
        Path written = null;
        try {
            written = Files.createTempFile(folder, "." + report.getFileName() + ".", ".writing",
                    PosixFilePermissions.asFileAttribute(OWNER_FILE));
            try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                print(writer);
            }
            Files.move(written, report, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(written);
            throw new UncheckedIOException("Cannot write the quality report " + report + ": " + IoReasons.of(e), e);
        }
    }

    /**
     * Refuses a report path that cannot be written (its folder missing or not this user's to write in, or a folder in
     * its place), so a load can refuse it before it reads a row.
     */
    public static void requireWritable(Path report) {
        requireNonNull(report, "report is null");
        Path folder = report.toAbsolutePath().getParent();
        String why = Files.isDirectory(report) ? "it is a folder"
                : !Files.isDirectory(folder) ? "there is no folder " + folder
                : !Files.isWritable(folder) ? "this user cannot write in " + folder
                : null;
        if (why != null) {
            throw new IllegalArgumentException("Cannot write the quality report " + report + ": " + why);
        }
    }

    private static void deleteQuietly(Path written) {
        if (written == null) {
            return;
        }
        try {
            Files.deleteIfExists(written);
        } catch (IOException e) {
            // The report's own failure is what the user needs to read.
        }
    }

    /** Prints every finding as {@link #write} writes it, to {@code out}, which stays open. */
    public void print(Appendable out) throws IOException {
        requireNonNull(out, "out is null");
        CSVPrinter printer = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                .setHeader("file", "line", "column", "rule", "effect", "listed_code").get().print(out);
        for (Finding finding : findings) {
            printer.printRecord(finding.file(), finding.line(), finding.column(), finding.rule().name(),
                    finding.rule().effect().name().toLowerCase(java.util.Locale.ROOT), finding.code().orElse(""));
        }
        printer.flush();
    }
}
