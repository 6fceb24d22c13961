package org.trex.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.Map;
import org.trex.governance.BoardNotAdoptedException;
import org.trex.governance.NotApprovedException;
import org.trex.optout.NationalCheckFileException;
import org.trex.optout.NationalListException;
import org.trex.pseudonym.KeyException;
import org.trex.run.RunFailedException;
import org.trex.run.SafeMessages;
import org.trex.spec.SpecException;
import org.trex.source.DatabaseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clear line on stderr and an exit code. Messages of TREx's own exceptions
 * are written never to hold personal data; a stack trace is printed only with {@code TREX_DEBUG=1}, every line of it
 * scrubbed as the one-line message is.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Whether stack traces are printed (the handler's, and the ones log lines carry). */
    enum Traces {
        PRINTED,
        NOT_PRINTED;

        /** Printed only with {@code TREX_DEBUG=1}: a failed task's trace runs to hundreds of lines. */
        static Traces of(Map<String, String> environment) {
            return "1".equals(environment.get("TREX_DEBUG")) ? PRINTED : NOT_PRINTED;
        }
    }

    private final Traces traces;

    ErrorHandler(Traces traces) {
        this.traces = requireNonNull(traces, "traces is null");
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (!(e instanceof RunFailedException failed && failed.told() == RunFailedException.Told.BY_SHUTDOWN)) {
            TerminalText.safe(message(e)).lines().forEach(line -> err.println("trex: " + line));
        }
        if (traces == Traces.PRINTED) {
            // The trace repeats the messages the line above scrubbed, and its causes' unscrubbed ones.
            SafeMessages.trace(e).forEach(line -> err.println(TerminalText.safe(line)));
        }
        err.flush();
        return exitCode(e);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        // Picocli's words, which can quote an argument: scrubbed as any line that names what a user gave.
        String why = SafeMessages.line(String.valueOf(e.getMessage()));
        err.println("trex: Cannot read the command line: "
                + (why.isEmpty() ? why : Character.toLowerCase(why.charAt(0)) + why.substring(1)));
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    static int exitCode(Throwable e) {
        if (e instanceof CliException cli) {
            return cli.exitCode();
        }
        if (e instanceof NotApprovedException || e instanceof BoardNotAdoptedException) {
            return ExitCode.NOT_APPROVED;
        }
        if (e instanceof KeyException || e instanceof DatabaseException || e instanceof SpecException
                || e instanceof IllegalArgumentException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.FAILURE;
    }

    private static String message(Throwable e) {
        // Refusals are built from governance records only (references, dates, plan hashes, list dates, file lines),
        // never from source rows or the numbers in a file;
        // scrubbing them would redact the very reference and dates the user needs to act on.
        if (e instanceof SpecException || e instanceof NotApprovedException || e instanceof NationalCheckFileException
                || e instanceof NationalListException || e instanceof BoardNotAdoptedException) {
            return e.getMessage();
        }
        String message = SafeMessages.of(e);
        return message.startsWith("Cannot ") ? message : "Cannot complete the command: " + message;
    }
}
