package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;
import picocli.CommandLine;

/**
 * {@code trex run} prints where it published (its summary's {@code Extract:} and {@code Manifest:} lines) while Spark
 * still runs: a scheduler's SIGTERM while Spark stops exits 143 with no line of its own, so the lines the operator
 * reads to know the extract stands must already be out.
 */
class RunSaysWhereItPublishedBeforeSparkStopsTest {
    @TempDir
    Path root;

    @Test
    void theSummaryIsPrintedBeforeSparkStops() {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 23);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-SUMMARY").code()).isEqualTo(ExitCode.OK);
        AtomicReference<String> sparkWhenManifestPrinted = new AtomicReference<>("not printed");
        StringWriter out = new StringWriter();
        Writer watching = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                out.write(chars, offset, length);
                if (new String(chars, offset, length).contains("Manifest:")) {
                    sparkWhenManifestPrinted.set(SparkSession.getDefaultSession().isDefined()
                            && !SparkSession.getDefaultSession().get().sparkContext().isStopped() ? "running"
                            : "stopped");
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        CommandLine commandLine = Trex.newCommandLine();
        commandLine.setOut(new PrintWriter(watching));
        commandLine.setErr(new PrintWriter(new StringWriter()));

        int code = commandLine.execute(workspace.runArguments().toArray(String[]::new));

        assertThat(code).as(out.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Extract:", "Manifest:");
        assertThat(sparkWhenManifestPrinted.get()).isEqualTo("running");
    }
}
