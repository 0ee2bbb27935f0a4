package org.quorum.reliability;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Simulated officers in a closed loop, each bound to one node: start a regional endorsement request through
 * Quorum's API, then work its three tasks through the REST API (the secretariat's check and agenda, the
 * Vice-Chair's record of the delegates' decision), then the next. A call that fails or times out is not
 * acknowledged; the officer looks again and goes on, as a person at Tasklist would.
 */
final class Officers implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Ledger ledger;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong failedCalls = new AtomicLong();
    private volatile boolean running = true;

    Officers(Ledger ledger) {
        this.ledger = ledger;
    }

    void start(List<QuorumNode> nodes, int perNode) {
        for (QuorumNode node : nodes) {
            for (int i = 0; i < perNode; i++) {
                Thread thread = new Thread(() -> loop(node), "officer-" + node.name() + "-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }
    }

    private void loop(QuorumNode node) {
        while (running) {
            try {
                String instance = startRequest(node);
                if (instance == null) {
                    pause(Duration.ofMillis(500));
                    continue;
                }
                boolean ok = work(node, "officer", instance, "Task_CheckCompleteness", Map.of("checkResult", "COMPLETE"))
                        && work(node, "officer", instance, "Task_PlaceOnAgenda", Map.of(
                        "conferenceReference", "Americas/Caribbean regional conference",
                        "conferenceDate", "2031-05-15T09:00Z"))
                        && work(node, "vicechair", instance, "Task_RecordDelegatesDecision",
                        Map.of("delegatesDecision", "DECLINE"));
                if (!ok) {
                    pause(Duration.ofMillis(500));
                }
            } catch (RuntimeException e) {
                failedCalls.incrementAndGet();
                pause(Duration.ofMillis(500));
            }
        }
    }

    /** Starts one request on {@code node}; its instance id once acknowledged, else null. */
    String startRequest(QuorumNode node) {
        Reply reply = call(node, "officer", "POST", "/api/endorsement-requests", Map.of(
                "requestingAdministration", "Mexico", "facilityType", "REGIONAL_CUSTOMS_LABORATORY",
                "region", "AMERICAS_CARIBBEAN", "requestSummary", "Fault suite request " + sequence.incrementAndGet()));
        if (reply.status() != 201) {
            return null;
        }
        String instance = reply.body().path("processInstanceId").asText();
        ledger.acknowledged(Ledger.Kind.START, instance, node.name());
        return instance;
    }

    /**
     * Completes the instance's open task {@code taskKey}; true once it is done (acknowledged, or gone after a call
     * whose answer was lost), false to give the instance up (the node is away for long).
     */
    boolean work(QuorumNode node, String user, String instance, String taskKey, Map<String, Object> variables) {
        boolean unsure = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (running && System.nanoTime() < deadline) {
            String task = openTask(node, user, instance, taskKey);
            if (task == null) {
                pause(Duration.ofMillis(1000));
                continue;
            }
            if (task.isEmpty()) {
                if (unsure) {
                    return true;
                }
                pause(Duration.ofMillis(300));
                continue;
            }
            if (complete(node, user, task, variables) == 204) {
                return true;
            }
            unsure = true;
            pause(Duration.ofMillis(500));
        }
        return false;
    }

    /** The task's id; "" when the instance has no such open task; null when the node did not answer. */
    String openTask(QuorumNode node, String user, String instance, String taskKey) {
        Reply reply = call(node, user, "GET", "/engine-rest/task?processInstanceId=" + instance
                + "&taskDefinitionKey=" + taskKey + "&maxResults=10", null);
        if (reply.status() != 200) {
            return null;
        }
        return reply.body().size() == 0 ? "" : reply.body().get(0).path("id").asText();
    }

    /** Submits the task's form; the HTTP status (204 once acknowledged, which the ledger records). */
    int complete(QuorumNode node, String user, String task, Map<String, Object> variables) {
        Map<String, Object> typed = new java.util.LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        Reply reply = call(node, user, "POST", "/engine-rest/task/" + task + "/submit-form",
                Map.of("variables", typed));
        if (reply.status() == 204) {
            ledger.acknowledged(Ledger.Kind.COMPLETION, task, node.name());
        }
        return reply.status();
    }

    Reply call(QuorumNode node, String user, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(CALL_TIMEOUT)
                    .header("Authorization", QuorumNode.basic(user)).header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                failedCalls.incrementAndGet();
            }
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            failedCalls.incrementAndGet();
            return new Reply(0, JSON.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, JSON.nullNode());
        }
    }

    record Reply(int status, JsonNode body) {
    }

    long failedCalls() {
        return failedCalls.get();
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the loops; each officer finishes (or times out) the call it is in. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(CALL_TIMEOUT.plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
