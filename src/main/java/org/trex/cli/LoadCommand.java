package org.trex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.SourceLoads;
import org.trex.load.CouncilCode;
import org.trex.load.LoadListener;
import org.trex.load.LoadMode;
import org.trex.load.LoadOutcome;
import org.trex.load.LoadRefusedException;
import org.trex.load.LoadRequest;
import org.trex.load.QualityReport;
import org.trex.load.SourceKind;
import org.trex.load.SourceLoader;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trex load}: a council's CLD submission, SUS inpatient spells or the objection register, from CSV files. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load source files into the source database, one transaction per source and period, with a"
                + " quality report; rows that break a rule are quarantined (reported, not loaded).",
        subcommands = {LoadCommand.SocialCare.class, LoadCommand.Hospital.class, LoadCommand.Objections.class})
public final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    /** What the three kinds of load share. */
    abstract static class FileLoad implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        GovernanceOptions governance;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files (UTF-8, header line first).")
        List<Path> files;

        @Option(names = "--mapping", paramLabel = "FILE",
                description = "Mapping YAML: local column names and values to national ones (see mappings/).")
        Path mapping;

        @Option(names = "--period", paramLabel = "PERIOD",
                description = "The period these files replace, as YYYY-MM-DD/YYYY-MM-DD (first and last days, 28 days"
                        + " to a year) or all: social care's is the reporting period its files state (the default);"
                        + " spells' a period or all (the default); the objection register's all.")
        String period;

        @Option(names = "--dry-run", description = "Check and report; write nothing to the database (the quality"
                + " report goes to standard output unless --report names a file).")
        boolean dryRun;

        @Option(names = "--report", paramLabel = "FILE",
                description = "Where the quality report (CSV) goes (default: <source>-quality-report.csv; with"
                        + " --dry-run, standard output).")
        Path report;

        @Mixin
        HostClock hostClock;

        @Spec
        CommandSpec spec;

        abstract SourceKind kind();

        /** The council's own LA code the rows are held to: social care's alone state one. */
        Optional<CouncilCode> council() {
            return Optional.empty();
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SourceKind kind = kind();
            LoadRequest request = new LoadRequest(kind, files, Optional.ofNullable(mapping),
                    Optional.ofNullable(period), council(), dryRun ? LoadMode.DRY_RUN : LoadMode.LOAD);
            DatabaseUrl source = database.required();
            if (reportToFile()) {
                QualityReport.requireWritable(reportFile(kind));
            }
            LoadListener report = report(out, kind);
            LoadOutcome outcome;
            try {
                if (request.mode() == LoadMode.DRY_RUN) {
                    int pending = SourceSchema.pending(source);
                    if (pending > 0) {
                        out.println("The source schema is not applied in " + source.redacted() + " (" + pending
                                + " migrations pending): a load would apply it first. This dry run checks against"
                                + " a throwaway database that has it, holding no person.");
                        out.flush();
                    }
                    outcome = SourceLoader.load(source, request, report);
                } else {
                    DatabaseUrl governanceUrl = governance.required(database);
                    GovernanceSchema.migrate(governanceUrl);
                    Clock clock = hostClock.onDatabaseTime(governanceUrl, "load " + kind.cliName() + " files");
                    outcome = new SourceLoads(governanceUrl, clock).load(source, request, Actor.current(), report);
                }
            } catch (LoadRefusedException e) {
                throw new CliException(ExitCode.BAD_INPUT, e.getMessage(), e);
            }
            out.println(outcome.mode() == LoadMode.DRY_RUN
                    ? "Dry run: nothing written; period " + outcome.period() + " would get "
                            + outcome.report().rowsLoaded() + " rows." + alsoReplaced(outcome, "would replace")
                    : String.format("Loaded %,d %s rows for period %s in %.1f s (the period's earlier rows replaced).",
                            outcome.report().rowsLoaded(), kind.cliName(), outcome.period(),
                            outcome.took().toMillis() / 1000.0) + alsoReplaced(outcome, "replaced"));
            outcome.notices().forEach(out::println);
            out.flush();
            return ExitCode.OK;
        }

        /** The loaded periods a load's own holds whole, which it replaces with its own. */
        private static String alsoReplaced(LoadOutcome outcome, String verb) {
            return outcome.alsoReplaced().isEmpty() ? ""
                    : " It holds the loaded periods " + outcome.alsoReplaced() + " whole, and " + verb + " their rows"
                            + " too.";
        }

        /** A dry run without --report prints its report; every other load writes it to a file. */
        private boolean reportToFile() {
            return !dryRun || report != null;
        }

        private Path reportFile(SourceKind kind) {
            return report != null ? report : Path.of(kind.cliName() + "-quality-report.csv");
        }

        /** Prints the summary and writes the quality report: to its file, or to {@code out} for a dry run. */
        private LoadListener report(PrintWriter out, SourceKind kind) {
            return checked -> {
                checked.summary().forEach(out::println);
                if (!reportToFile()) {
                    out.println("Quality report (" + checked.findings().size() + " findings):");
                    try {
                        checked.print(out);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot print the quality report: " + e.getMessage(), e);
                    }
                } else {
                    Path reportFile = reportFile(kind);
                    checked.write(reportFile);
                    out.println("Quality report: " + reportFile + " (" + checked.findings().size() + " findings)");
                }
                out.flush();
            };
        }
    }

    @Command(name = "social-care", mixinStandardHelpOptions = true,
            description = "Load a council's ASC-CLD submission (national CLD column names, Release 2 values).")
    static final class SocialCare extends FileLoad {
        @Mixin
        CouncilOptions councilOptions;

        @Override
        SourceKind kind() {
            return SourceKind.SOCIAL_CARE;
        }

        @Override
        Optional<CouncilCode> council() {
            return councilOptions.code();
        }
    }

    @Command(name = "hospital", mixinStandardHelpOptions = true,
            description = "Load SUS+ Admitted Patient Care spells (SUS data item names).")
    static final class Hospital extends FileLoad {
        @Override
        SourceKind kind() {
            return SourceKind.HOSPITAL;
        }
    }

    @Command(name = "objections", mixinStandardHelpOptions = true,
            description = "Load the council's register of objections (after social care, whose people it names).")
    static final class Objections extends FileLoad {
        @Override
        SourceKind kind() {
            return SourceKind.OBJECTIONS;
        }
    }
}
