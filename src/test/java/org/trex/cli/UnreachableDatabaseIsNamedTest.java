package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;

/**
 * {@code trex run} with a database URL where nothing listens says the database is unreachable at that host and
 * port (exit 2, the URL without its password) and leaves nothing behind.
 */
class UnreachableDatabaseIsNamedTest {
    @TempDir
    Path root;

    @Test
    void runNamesTheHostAndPortNothingAnswersAt() throws IOException {
        int port;
        // A port the system just handed out and that is closed again: nothing listens on it.
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://localhost:" + port + "/trex?user=trex&password=hidden");
        Workspace workspace = Workspace.create(root, url);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("trex: Cannot connect to database " + url.redacted()
                + ": the database is unreachable at localhost:" + port + " (");
        assertThat(run.all()).doesNotContain("password=hidden");
        assertThat(workspace.out).as("--out, made for Spark's scratch folder").doesNotExist();
    }
}
