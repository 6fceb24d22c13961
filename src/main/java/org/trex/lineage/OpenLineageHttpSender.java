package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts lineage events to an OpenLineage endpoint ({@code <base>/api/v1/lineage}, e.g. Marquez). Sending is a
 * copy: the NDJSON file is the record, so a failure to send comes back as a problem for the caller to warn
 * about, never as an exception that could stop a run.
 */
public final class OpenLineageHttpSender {
    /** The endpoint base URL, e.g. {@code http://marquez:5000}; no variable means no sending. */
    public static final String URL_VARIABLE = "TREX_OPENLINEAGE_URL";
    /** An optional API key, sent as a Bearer token. */
    public static final String API_KEY_VARIABLE = "TREX_OPENLINEAGE_API_KEY";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final Optional<String> apiKey;
    private final HttpClient client;

    public OpenLineageHttpSender(URI baseUrl, Optional<String> apiKey) {
        requireNonNull(baseUrl, "baseUrl is null");
        this.apiKey = requireNonNull(apiKey, "apiKey is null");
        String base = baseUrl.toString();
        this.endpoint =
                URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/lineage");
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** A sender configured from the environment, or empty when {@value #URL_VARIABLE} is not set. */
    public static Optional<OpenLineageHttpSender> fromEnvironment(Map<String, String> environment) {
        requireNonNull(environment, "environment is null");
        String url = environment.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String key = environment.get(API_KEY_VARIABLE);
        return Optional.of(new OpenLineageHttpSender(URI.create(url.strip()),
                key == null || key.isBlank() ? Optional.empty() : Optional.of(key.strip())));
    }

    /** Where events go. */
    public URI endpoint() {
        return endpoint;
    }

    /** Posts each event in order; the problems, one per event not accepted, empty when all were. */
    public List<String> send(List<? extends JsonNode> events) {
        requireNonNull(events, "events is null");
        List<String> problems = new ArrayList<>();
        for (JsonNode event : events) {
            send(event).ifPresent(problems::add);
        }
        return problems;
    }

    /** Posts one event; the problem when it was not accepted. */
    public Optional<String> send(JsonNode event) {
        requireNonNull(event, "event is null");
        String what = "Cannot send lineage event " + event.path("eventType").asText("?") + " of run "
                + event.path("run").path("runId").asText("?") + " to " + endpoint + ": ";
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString()));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of(what + "HTTP " + status);
        } catch (IOException e) {
            return Optional.of(what + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(what + "interrupted");
        } catch (IllegalArgumentException e) {
            return Optional.of(what + e.getMessage());
        }
    }
}
