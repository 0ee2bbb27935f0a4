package org.quorum.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Talks to a running Quorum exactly as officers' clients do: HTTP Basic as a named demo user, Quorum's
 * {@code /api} to start processes and Camunda's REST API ({@code /engine-rest}) to find, claim and submit tasks
 * (as Tasklist does with a Camunda Form).
 */
class ReplayClient {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

    private final RestClient http;

    ReplayClient(String baseUrl) {
        this.http = RestClient.builder().baseUrl(baseUrl).build();
    }

    JsonNode post(String user, String path, Object body) {
        return http.post().uri(path).headers(h -> h.setBasicAuth(user, user)).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve()
                .onStatus(status -> status.isError(), (request, response) -> {
                    throw new IllegalStateException("Replay: %s %s as %s answered %s: %s".formatted(request.getMethod(),
                            path, user, response.getStatusCode(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
                })
                .body(JsonNode.class);
    }

    /**
     * Waits for the task {@code taskKey} matching {@code instance} (criteria of Camunda's REST task query, such as
     * {@code processInstanceId} or {@code processInstanceBusinessKey}) that {@code user} can see, while async
     * steps and timers run on the engine's job executor; then claims it as {@code user} and submits {@code form}
     * as its form data.
     */
    void complete(String user, Map<String, Object> instance, String taskKey, Map<String, Object> form) {
        JsonNode task = awaitTask(user, instance, taskKey);
        String id = task.path("id").asText();
        if (task.path("assignee").isNull() || task.path("assignee").isMissingNode()) {
            post(user, "/engine-rest/task/" + id + "/claim", Map.of("userId", user));
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        form.forEach((name, v) -> variables.put(name, Map.of("value", v)));
        post(user, "/engine-rest/task/" + id + "/submit-form", Map.of("variables", variables));
    }

    JsonNode awaitTask(String user, Map<String, Object> instance, String taskKey) {
        Map<String, Object> query = new LinkedHashMap<>(instance);
        query.put("taskDefinitionKey", taskKey);
        // Wall clock, not the engine's: a bound on how long this client waits for a server over the network,
        // which must not stretch or vanish when a test moves the engine clock.
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode found = post(user, "/engine-rest/task?maxResults=1", query);
            if (found != null && found.size() > 0) {
                return found.get(0);
            }
            pause();
        }
        throw new IllegalStateException("Replay: no task %s of %s reached %s within %s"
                .formatted(taskKey, instance, user, STEP_TIMEOUT));
    }

    /** Task query criteria: the instance with this id. */
    static Map<String, Object> instance(String processInstanceId) {
        return Map.of("processInstanceId", processInstanceId);
    }

    /** Task query criteria: the instance of {@code processKey} with this business key (and variable, if given). */
    static Map<String, Object> instance(String processKey, String businessKey, String variable, Object value) {
        Map<String, Object> criteria = new LinkedHashMap<>(Map.of("processDefinitionKey", processKey,
                "processInstanceBusinessKey", businessKey));
        if (variable != null) {
            criteria.put("processVariables", List.of(Map.of("name", variable, "operator", "eq", "value", value)));
        }
        return criteria;
    }

    /** The engine's job executor runs the async steps and due timers in between; there is nothing to wait on. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Replay interrupted", e);
        }
    }
}
