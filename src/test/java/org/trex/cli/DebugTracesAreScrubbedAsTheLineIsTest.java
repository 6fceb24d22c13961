package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * With {@code TREX_DEBUG=1} the stack trace under a failure's one line, and the trace a log line carries (Spark's
 * of a failed task), go through the scrubbing the line does, every line of them: the failure's message, each
 * {@code Caused by} and {@code Suppressed} message (a folder an operator typed, a library's words quoting a row)
 * and the frames. No NHS number, postcode or date of birth the line leaves out comes back in the trace.
 */
class DebugTracesAreScrubbedAsTheLineIsTest {
    // Refused before any database is reached.
    private static final String UNREACHED = "jdbc:postgresql://127.0.0.1:1/never-reached";

    @TempDir
    Path root;

    @Test
    void aFolderTheOperatorTypedIsScrubbedInTheTraceAndItsCause() throws Exception {
        Path file = Files.writeString(Files.createDirectories(root.resolve("LS1 4AP")).resolve("9990000018"), "");
        StringWriter err = new StringWriter();
        CommandLine commandLine = Trex.newCommandLine(ErrorHandler.Traces.PRINTED);
        commandLine.setErr(new PrintWriter(err));

        int code = commandLine.execute("run", "spec.yaml", "--out", file.resolve("out").toString(), "--key-file",
                "project.key", "--database-url", UNREACHED);

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).as("the line, then its trace")
                .containsPattern("(?m)^trex: Cannot use --out .*/\\[redacted]/\\[redacted]/out: cannot create ")
                .containsPattern("(?m)^org.trex.cli.CliException: Cannot use --out .*/\\[redacted]/\\[redacted]/out")
                .containsPattern("(?m)^\tat org.trex.cli.SparkRuns.withRunner")
                .containsPattern("(?m)^Caused by: java.nio.file.\\w+: .*/\\[redacted]/\\[redacted]/out")
                .doesNotContain("9990000018").doesNotContain("LS1 4AP");
    }

    @Test
    void everyMessageOfTheChainIsScrubbedAsTheLineIs() {
        RuntimeException failure = chain();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Trex.newCommandLine(ErrorHandler.Traces.PRINTED);
        commandLine.setErr(new PrintWriter(err));

        new ErrorHandler(ErrorHandler.Traces.PRINTED).handleExecutionException(failure, commandLine, null);

        String printed = err.toString();
        assertThat(printed).startsWith("trex: Cannot run extract discharge-delays as of 2026-06-30 for [redacted]\n")
                .contains("java.lang.IllegalStateException: Cannot run extract discharge-delays as of 2026-06-30 for "
                        + "[redacted]\n", "Caused by: java.lang.IllegalArgumentException: Unparseable row: "
                        + "[redacted],[redacted],[date]\n", "\tSuppressed: java.io.IOException: bad value [redacted]\n",
                        "\tat org.trex.cli.DebugTracesAreScrubbedAsTheLineIsTest.chain(")
                .doesNotContain("9990000018").doesNotContain("LS1 4AP").doesNotContain("1950-02-03")
                .doesNotContain("999 000 0018");
    }

    @Test
    void aTraceWithoutTrexDebugIsNotPrinted() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Trex.newCommandLine(ErrorHandler.Traces.NOT_PRINTED);
        commandLine.setErr(new PrintWriter(err));

        new ErrorHandler(ErrorHandler.Traces.NOT_PRINTED).handleExecutionException(chain(), commandLine, null);

        assertThat(err.toString()).isEqualTo("trex: Cannot run extract discharge-delays as of 2026-06-30 for "
                + "[redacted]\n");
    }

    @Test
    void aLoggedTraceIsScrubbedWithTrexDebugAndAbsentWithout() {
        LogEvent event = Log4jLogEvent.newBuilder().setLoggerName("org.apache.spark.executor.Executor")
                .setMessage(new SimpleMessage("Exception in task 0.0 in stage 1.0 (TID 1)")).setThrown(chain())
                .build();

        String debug = loggedWith(ScrubbedTraces.FULL, event);
        String quiet = loggedWith(null, event);

        assertThat(debug).contains("Exception in task 0.0 in stage 1.0 (TID 1)",
                "Caused by: java.lang.IllegalArgumentException: Unparseable row: [redacted],[redacted],[date]",
                "\tSuppressed: java.io.IOException: bad value [redacted]")
                .doesNotContain("9990000018").doesNotContain("LS1 4AP").doesNotContain("1950-02-03")
                .doesNotContain("999 000 0018");
        assertThat(quiet).contains("Exception in task 0.0 in stage 1.0 (TID 1)").doesNotContain("Caused by")
                .doesNotContain("\tat ");
    }

    /** A failure in TREx's words over a library's that quotes a row, with a suppressed one quoting a value. */
    private static RuntimeException chain() {
        IllegalArgumentException library = new IllegalArgumentException("Unparseable row: 9990000018,LS1 4AP,"
                + "1950-02-03");
        IllegalStateException failure = new IllegalStateException("Cannot run extract discharge-delays as of "
                + "2026-06-30 for 9990000018", library);
        failure.addSuppressed(new java.io.IOException("bad value 999 000 0018"));
        return failure;
    }

    /**
     * The event as the stderr appender of TREx's log4j2.xml writes it, read again with its traces property as
     * {@code Trex.main} sets it under {@code TREX_DEBUG=1} ({@code full}) or leaves it (null).
     */
    private static String loggedWith(String traces, LogEvent event) {
        String before = System.getProperty(ScrubbedTraces.PROPERTY);
        try {
            if (traces == null) {
                System.clearProperty(ScrubbedTraces.PROPERTY);
            } else {
                System.setProperty(ScrubbedTraces.PROPERTY, traces);
            }
            Configurator.reconfigure();
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            return String.valueOf(context.getConfiguration().getAppender("stderr").getLayout().toSerializable(event));
        } finally {
            if (before == null) {
                System.clearProperty(ScrubbedTraces.PROPERTY);
            } else {
                System.setProperty(ScrubbedTraces.PROPERTY, before);
            }
            Configurator.reconfigure();
        }
    }
}
