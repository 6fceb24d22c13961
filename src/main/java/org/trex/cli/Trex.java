package org.trex.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.trex.governance.TurnWait;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trex} command line: one subcommand per step of the extract pipeline. */
@Command(
        name = "trex",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Trusted research extracts from linked social care and health records.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            GenerateCommand.class,
            LoadCommand.class,
            LoadBenchCommand.class,
            ValidateCommand.class,
            PlanCommand.class,
            ApproveCommand.class,
            RevokeCommand.class,
            BoardCommand.class,
            RunCommand.class,
            OptOutsCommand.class,
            MigrateCommand.class,
            VerifyCommand.class,
            AuditCommand.class,
            PseudonymCommand.class,
            ObjectionsCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (a run failed, or was refused for a stale opt-out list, for leaving out every record, for"
                + " a full disk under --out or for a host clock over 2 min from the database's; verification found"
                + " problems)",
            "2:bad usage or bad input (invalid spec or policy, bad key, a key other than the project's or another"
                + " project's, a --run-id already used, unreachable database, a source database TREx never loaded,"
                + " of another TREx version, or holding a load the governance records do not)",
            "3:not approved (no approval, spec/policy/SQL changed since approval, expired or revoked, or a board"
                + " register other than the adopted one)",
            "4:run --due: nothing was due",
            "5:run --due: some due extracts failed, or a scheduled spec was skipped",
            "6:objections status: a deletion notice is overdue"
        })
public final class Trex implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (ErrorHandler.Traces.of(System.getenv()) == ErrorHandler.Traces.PRINTED) {
            // spark-submit starts logging before this runs, so the configuration is read again with traces on.
            System.setProperty(ScrubbedTraces.PROPERTY, ScrubbedTraces.FULL);
            org.apache.logging.log4j.core.config.Configurator.reconfigure();
        }
        int code = execute(args);
        if (code == ExitCode.OK) {
            // Only a command that succeeded: a refused run loads a fraction of a run's classes.
            ClassDataArchive.markSucceededIfAsked();
        }
        ClassDataArchive.sayIfWriting(System.err);
        System.exit(code);
    }

    /** Runs the command line and returns its exit code, without exiting the JVM. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        return newCommandLine(ErrorHandler.Traces.of(System.getenv()));
    }

    static CommandLine newCommandLine(ErrorHandler.Traces traces) {
        CommandLine commandLine = new CommandLine(new Trex());
        commandLine.registerConverter(LocalDate.class, Trex::date);
        commandLine.registerConverter(TurnWait.class, Trex::turnWait);
        ErrorHandler handler = new ErrorHandler(traces);
        commandLine.setExecutionExceptionHandler(handler);
        commandLine.setParameterExceptionHandler(handler);
        return commandLine;
    }

    /** An option's date, in the one form TREx writes dates in; a day-first date is not taken for a month-first one. */
    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("not a date of the form YYYY-MM-DD, such as 2026-06-30");
        }
    }

    private static TurnWait turnWait(String value) {
        try {
            return TurnWait.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("not a wait of whole seconds, minutes or hours, such as 90s, "
                    + "30m or 2h (0s: no wait)");
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return ExitCode.BAD_INPUT;
    }
}
