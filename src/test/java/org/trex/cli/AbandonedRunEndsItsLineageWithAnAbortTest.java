package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.LiveRuns;
import org.trex.lineage.LineageValidator;
import org.trex.lineage.OpenLineageHttpSender;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A run killed outright sent its START event to the lineage server and never its end. When a later command records
 * it as abandoned, it sends the run's ABORT event there, a valid OpenLineage RunEvent, so the server stops showing
 * the run as running; a server that cannot be reached is a warning, and the run is recorded all the same.
 */
class AbandonedRunEndsItsLineageWithAnAbortTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAbandonedRunsAbortReachesTheLineageServer() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        UUID runId = killedRun(url);
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
        StringWriter printed = new StringWriter();
        try {
            RunCommand.closeAbandoned(url, new PrintWriter(printed), Map.of(OpenLineageHttpSender.URL_VARIABLE,
                    "http://127.0.0.1:" + server.getAddress().getPort()), Clock.systemUTC());
        } finally {
            server.stop(0);
        }

        assertThat(printed.toString()).startsWith("Recorded run " + runId + " of discharge-delays as abandoned");
        assertThat(bodies).hasSize(1);
        JsonNode event = JSON.readTree(bodies.get(0));
        assertThat(LineageValidator.validate(event)).isEmpty();
        assertThat(event.path("eventType").asText()).isEqualTo("ABORT");
        assertThat(event.path("run").path("runId").asText()).isEqualTo(runId.toString());
        assertThat(event.path("job").path("namespace").asText()).isEqualTo("trex");
        assertThat(event.path("job").path("name").asText()).isEqualTo("discharge-delays");
        assertThat(event.path("run").path("facets").path("errorMessage").path("message").asText())
                .contains("its process ended without recording its end");
    }

    @Test
    void aLineageServerThatCannotBeReachedIsAWarning() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        UUID runId = killedRun(url);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        StringWriter printed = new StringWriter();

        RunCommand.closeAbandoned(url, new PrintWriter(printed), Map.of(OpenLineageHttpSender.URL_VARIABLE,
                "http://127.0.0.1:" + closedPort), Clock.systemUTC());

        assertThat(printed.toString()).contains("Recorded run " + runId + " of discharge-delays as abandoned",
                "WARNING Cannot send lineage event ABORT of run " + runId + " to http://127.0.0.1:" + closedPort);
        assertThat(new AuditLog(url).list(AuditAction.RUN_ABANDONED)).hasSize(1);
    }

    /** A started run whose session ended without an end, as a JVM killed with kill -9 leaves it. */
    private static UUID killedRun(DatabaseUrl url) {
        GovernanceSchema.migrate(url);
        UUID runId = UUID.randomUUID();
        try (var lock = new LiveRuns(url, Clock.systemUTC()).hold("discharge-delays", runId.toString())) {
            new AuditLog(url).append("tester", AuditAction.RUN_START, Optional.of("discharge-delays"),
                    Optional.of(runId.toString()), Map.of());
        }
        return runId;
    }
}
