package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenLineageHttpSenderPostsEventsTest {
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private volatile int status = 201;
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            bodies.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void postsEachEventWithTheBearerKey() {
        OpenLineageHttpSender sender = OpenLineageHttpSender.fromEnvironment(Map.of(
                OpenLineageHttpSender.URL_VARIABLE, base() + "/",
                OpenLineageHttpSender.API_KEY_VARIABLE, "secret-token")).orElseThrow();
        List<JsonNode> events = List.of(OpenLineageEvents.start(SampleLineage.started()),
                OpenLineageEvents.complete(SampleLineage.finished(), SampleLineage.COMPLETED));

        assertThat(sender.send(events)).isEmpty();
        assertThat(paths).containsExactly("POST /api/v1/lineage", "POST /api/v1/lineage");
        assertThat(authorizations).containsOnly("Bearer secret-token");
        assertThat(bodies.get(1)).isEqualTo(events.get(1).toString());
    }

    @Test
    void rejectedEventIsAProblem() {
        status = 400;
        OpenLineageHttpSender sender = new OpenLineageHttpSender(base(), Optional.empty());

        assertThat(sender.send(OpenLineageEvents.start(SampleLineage.started()))).contains(
                "Cannot send lineage event START of run " + SampleLineage.RUN_ID + " to " + base()
                        + "/api/v1/lineage: HTTP 400");
        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void unreachableServerIsAProblemNotAnException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        OpenLineageHttpSender sender = new OpenLineageHttpSender(
                URI.create("http://127.0.0.1:" + closedPort), Optional.of("secret-token"));

        List<String> problems = sender.send(List.of(OpenLineageEvents.start(SampleLineage.started())));

        assertThat(problems).singleElement().asString()
                .startsWith("Cannot send lineage event START of run " + SampleLineage.RUN_ID
                        + " to http://127.0.0.1:" + closedPort + "/api/v1/lineage: ConnectException")
                .doesNotContain("secret-token");
    }

    @Test
    void noUrlMeansNoSender() {
        assertThat(OpenLineageHttpSender.fromEnvironment(Map.of())).isEmpty();
    }
}
