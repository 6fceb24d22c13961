package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.trex.nhs.NhsNumber;
import org.trex.spec.SourceMapping;

/**
 * Checks every row of a load's files, row by row ({@link RowChecker}) and across rows: a reference seen
 * twice in one period, a person whose date of birth or NHS number differs between rows (the latest row in
 * file order wins, as it goes to the database last), for objections a person no social care load holds, and for
 * social care the council its rows state ({@link CouncilCodes}: the council's own, else one).
 * Accepted rows go to a {@link RowSink} as they are read, so a file is never held in memory.
 */
public final class LoadCheck {
    private final SourceKind kind;
    private final RowChecker checker;
    private final Optional<String> periodGiven;
    private final Set<String> knownPersons;
    private final Optional<CouncilCode> council;
    private final CouncilCodes councils;

    private final List<Finding> findings = new ArrayList<>();
    private final List<LoadedFile> files = new ArrayList<>();
    private final Set<String> references = new HashSet<>();
    private final Map<String, String[]> persons = new HashMap<>();
    /** The periods the accepted rows state: social care's reporting periods; the other sources state none. */
    private final Set<String> periods = new TreeSet<>();
    private long ordinal;

    /**
     * @param periodGiven the period named on the command line; otherwise social care rows give it and the other
     *     sources are one period, {@code all}
     * @param knownPersons council person identifiers social care holds, to flag objections awaiting theirs; else empty
     * @param council the council's own LA code social care rows must state; else they must state one
     */
    public LoadCheck(SourceKind kind, RowChecker checker, Optional<String> periodGiven, Set<String> knownPersons,
            Optional<CouncilCode> council) {
        this.kind = requireNonNull(kind, "kind is null");
        this.checker = requireNonNull(checker, "checker is null");
        this.periodGiven = requireNonNull(periodGiven, "periodGiven is null");
        this.knownPersons = Set.copyOf(requireNonNull(knownPersons, "knownPersons is null"));
        this.council = requireNonNull(council, "council is null");
        this.councils = new CouncilCodes(council);
    }

    /** Opens every file first, so a file that is not what it claims is refused before any row is taken. */
    public void checkAll(List<Path> paths, SourceMapping mapping, RowSink sink) {
        List<CsvSource> sources = new ArrayList<>();
        try {
            for (Path path : paths) {
                sources.add(CsvSource.open(path, kind, mapping));
            }
            for (CsvSource source : sources) {
                check(source, sink);
            }
            councils.requireOneCouncil(names());
        } finally {
            sources.forEach(CsvSource::close);
        }
    }

    private void check(CsvSource source, RowSink sink) {
        String name = source.file().toString();
        long read = 0;
        long loaded = 0;
        long lastLine = 0;
        boolean lastRowWhole = true;
        for (CsvSource.Row row : source.rows()) {
            read++;
            RowChecker.Checked checked = checker.check(name, row);
            List<Finding> rowFindings = new ArrayList<>(checked.findings());
            if (!checked.quarantined()) {
                crossRow(name, row.line(), checked.values(), rowFindings);
            }
            if (kind == SourceKind.SOCIAL_CARE && row.complete()) {
                councils.row(row.line(), checked.values(), name);
            }
            findings.addAll(rowFindings);
            boolean accepted = rowFindings.stream().noneMatch(f -> f.rule().effect() == QualityRule.Effect.QUARANTINE);
            lastLine = row.line();
            lastRowWhole = row.complete() && accepted;
            if (accepted) {
                loaded++;
                periods.add(statedPeriod(checked.values()));
                if (!councils.refusing()) {
                    sink.accept(++ordinal, checked.values());
                }
            }
        }
        if (source.ending() == CsvSource.Ending.MID_LINE && !lastRowWhole) {
            // a load replaces its period whole: the rows before a cut are not the period
            throw new LoadRefusedException("Cannot load " + name + ": it ends mid-row at line " + lastLine
                    + " (a truncated file?)");
        }
        councils.requireOwnCouncil(name, read);
        files.add(new LoadedFile(name, source.sha256(), read, loaded));
    }

    private void crossRow(String file, long line, String[] values, List<Finding> rowFindings) {
        if (kind.reference().isPresent()) {
            String reference = values[kind.index(kind.reference().get())];
            if (!references.add(period(values) + '\u0000' + reference)) {
                rowFindings.add(Finding.of(file, line, kind.columns().get(kind.index(kind.reference().get())),
                        QualityRule.DUPLICATE_REFERENCE));
                return;
            }
        }
        if (kind == SourceKind.OBJECTIONS
                && !knownPersons.contains(values[kind.index("LA_Person_Unique_Identifier")])) {
            rowFindings.add(Finding.of(file, line, kind.columns().get(kind.index("LA_Person_Unique_Identifier")),
                    QualityRule.UNKNOWN_PERSON));
            return;
        }
        if (kind == SourceKind.SOCIAL_CARE) {
            String person = values[kind.index("LA_Person_Unique_Identifier")];
            String[] fields = {values[kind.index("Date_of_Birth")], linkKey(values[kind.index("NHS_Number")])};
            String[] earlier = persons.put(person, fields);
            if (earlier != null) {
                disagree(file, line, earlier[0], fields[0], "Date_of_Birth", rowFindings);
                disagree(file, line, earlier[1], fields[1], "NHS_Number", rowFindings);
            }
        }
    }

    private void disagree(String file, long line, String earlier, String now, String column,
            List<Finding> rowFindings) {
        if (!java.util.Objects.equals(earlier, now)) {
            rowFindings.add(Finding.of(file, line, kind.columns().get(kind.index(column)),
                    QualityRule.PERSON_FIELDS_DISAGREE));
        }
    }

    private static String linkKey(String nhsNumber) {
        return nhsNumber == null ? null : NhsNumber.normalise(nhsNumber);
    }

    private String period(String[] values) {
        return periodGiven.orElseGet(() -> statedPeriod(values));
    }

    private String statedPeriod(String[] values) {
        if (kind == SourceKind.SOCIAL_CARE) {
            return values[kind.index("Reporting_Period_Start_Date")] + "/"
                    + values[kind.index("Reporting_Period_End_Date")];
        }
        return SourceKind.WHOLE;
    }

    /**
     * The one period the load replaces; refuses files that hold several when none was named, social care files whose
     * reporting period is not the one named, and files with no row to load: a load replaces its period whole, so a
     * header-only or wholly quarantined file would empty it (an empty objection register would release every objector).
     */
    public String period() {
        if (files.stream().mapToLong(LoadedFile::rowsLoaded).sum() == 0) {
            long read = files.stream().mapToLong(LoadedFile::rowsRead).sum();
            throw new LoadRefusedException("Cannot load " + names() + ": they hold no row to load (" + read + " read"
                    + (read == 0 ? "" : ", every one quarantined")
                    + "); a load replaces its period whole, so it would empty it");
        }
        if (kind != SourceKind.SOCIAL_CARE) {
            return periodGiven.orElse(SourceKind.WHOLE);
        }
        ReportingPeriod span = ReportingPeriod.span(periods.stream()
                .flatMap(period -> ReportingPeriod.parse(period).stream()).toList());
        String several = span.plausible() ? "load each period's file alone, or load them as one, --period " + span
                : "they run more than a year, so load each period's file alone";
        if (periodGiven.isPresent() && !periodGiven.get().equals(span.toString())) {
            // Under any other label, the same rows could be loaded again under their own, and be kept twice.
            throw new LoadRefusedException("Cannot load " + names() + ": --period '" + periodGiven.get()
                    + "' is not the reporting period they state, " + (periods.size() == 1
                            ? span + "; write it as " + span + ", or leave --period out"
                            : periods.size() + " of them " + periods + "; " + several));
        }
        if (periodGiven.isEmpty() && periods.size() > 1) {
            throw new LoadRefusedException("Cannot load " + names() + ": they hold " + periods.size()
                    + " reporting periods " + periods + ", expected one; " + several);
        }
        return span.toString();
    }

    private List<String> names() {
        return files.stream().map(LoadedFile::name).toList();
    }

    public QualityReport report() {
        return new QualityReport(kind, files, findings, council);
    }
}
