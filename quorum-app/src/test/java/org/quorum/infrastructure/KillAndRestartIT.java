package org.quorum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.QuorumApplication;
import org.quorum.support.ChildTemp;
import org.quorum.support.EventsConsumer;
import org.quorum.support.OwnApplication;

/**
 * The README's run command, killed with a real SIGKILL while officers work through the REST API, started again
 * on the same data folder: it is ready again (the PostgreSQL the dead JVM left running is found and stopped, not
 * fought over), and every completion it acknowledged is in history and on Kafka. Twice, so that the second start
 * after a crash is covered too. The node runs in a JVM of its own, on fixed ports (so the leftover server's port
 * clash is real); everything started here is stopped by pid at the end, whatever happens.
 */
@OwnApplication
class KillAndRestartIT {

    private static final Duration READY_WITHIN = Duration.ofSeconds(150);
    private static final int COMPLETIONS_PER_RUN = 8;

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Process> nodes = new ArrayList<>();
    private final List<Long> postmasters = new ArrayList<>();
    private int httpPort;
    private int postgresPort;
    private int kafkaPort;
    private int controllerPort;

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void aNodeKilledUnderLoadComesBackOnItsFolderWithEveryAcknowledgedCompletion() throws Exception {
        httpPort = freePort();
        postgresPort = freePort();
        kafkaPort = freePort();
        controllerPort = freePort();

        for (int run = 1; run <= 3; run++) {
            Process node = start(run);
            long startedAt = System.nanoTime();
            awaitReady(node, run);
            System.out.printf("Run %d: ready %d ms after its start%n", run, (System.nanoTime() - startedAt) / 1_000_000);
            if (run > 1) {
                long killedPostmaster = postmasters.get(postmasters.size() - 1);
                assertThat(ProcessHandle.of(killedPostmaster).map(ProcessHandle::isAlive).orElse(false))
                        .as("the PostgreSQL left by the killed run %d is gone", run - 1).isFalse();
                assertThat(log(run)).contains("Found PostgreSQL (process " + killedPostmaster + ") still running on "
                        + dataDir.resolve("data").resolve("postgres").toAbsolutePath().normalize());
            }
            postmasters.add(postmasterPid());

            int before = acknowledged.size();
            AtomicBoolean working = new AtomicBoolean(true);
            Thread officers = new Thread(() -> work(working), "officers-" + run);
            officers.start();
            Awaitility.await("completions acknowledged by run " + run).atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> acknowledged.size() >= before + COMPLETIONS_PER_RUN);
            if (run < 3) {
                // SIGKILL while the officers keep going: no shutdown hook, no flush, connections cut.
                node.destroyForcibly();
                assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            working.set(false);
            officers.join(30_000);
        }

        for (String instance : acknowledged) {
            JsonNode history = get("/engine-rest/history/process-instance/" + instance);
            assertThat(history.path("state").asText()).as("history of acknowledged " + instance).isEqualTo("COMPLETED");
        }
        try (EventsConsumer consumer = new EventsConsumer("127.0.0.1:" + kafkaPort, "quorum.process-events")) {
            for (String instance : acknowledged) {
                consumer.awaitKey(instance, records -> EventsConsumer.hasType(records, "quorum.process.completed.v1"),
                        Duration.ofSeconds(120));
            }
        }
        System.out.printf("%d acknowledged completions over 3 runs (2 killed), all in history and on Kafka%n",
                acknowledged.size());
    }

    /** Officers in a closed loop: start an instance, complete its task; a 204 is an acknowledged completion. */
    private void work(AtomicBoolean working) {
        while (working.get()) {
            try {
                String instance = post("/engine-rest/process-definition/key/events-fixture/start",
                        "{\"businessKey\":\"KILL\"}").path("id").asText();
                JsonNode tasks = get("/engine-rest/task?processInstanceId=" + instance + "&maxResults=10");
                String task = tasks.get(0).path("id").asText();
                HttpResponse<String> done = send("POST", "/engine-rest/task/" + task + "/complete", "{}");
                if (done.statusCode() == 204) {
                    acknowledged.add(instance);
                }
            } catch (IOException | RuntimeException e) {
                sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Process start(int run) throws IOException {
        Path log = Path.of("target", "kill-restart-run-" + run + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        // As in CrashRecoveryIT: the real class path, without the empty entry that would deploy bpmn/ twice.
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        Process node = new ProcessBuilder(java, "-Xmx512m", ChildTemp.in(dataDir), "-cp", classPath,
                QuorumApplication.class.getName(),
                "--spring.profiles.active=demo",
                "--server.port=" + httpPort,
                "--quorum.embedded.data-dir=" + dataDir.resolve("data"),
                "--quorum.embedded.postgres.port=" + postgresPort,
                "--quorum.embedded.kafka.port=" + kafkaPort,
                "--quorum.embedded.kafka.controller-port=" + controllerPort)
                .directory(dataDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        nodes.add(node);
        return node;
    }

    private void awaitReady(Process node, int run) {
        Awaitility.await("run " + run + " ready (log: target/kill-restart-run-" + run + ".log)").atMost(READY_WITHIN)
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("the node exited", () -> !node.isAlive())
                .until(() -> send("GET", "/actuator/health/readiness", null).statusCode() == 200);
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("data").resolve("postgres").resolve("postmaster.pid"))
                .get(0).trim());
    }

    private String log(int run) throws IOException {
        return Files.readString(Path.of("target", "kill-restart-run-" + run + ".log"));
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return body(send("GET", path, null));
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        return body(send("POST", path, body));
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Stops what this test started, by pid: the node JVMs, then any PostgreSQL still on the folder. */
    @AfterEach
    void stopEverything() throws Exception {
        for (Process node : nodes) {
            if (node.isAlive()) {
                node.destroy();
                if (!node.waitFor(60, TimeUnit.SECONDS)) {
                    node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        Path pidFile = dataDir.resolve("data").resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            postmasters.add(postmasterPid());
        }
        for (long pid : postmasters) {
            var postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (postmaster.isPresent()) {
                new ProcessBuilder("kill", "-s", "QUIT", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
                try {
                    postmaster.get().onExit().get(15, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    postmaster.get().destroyForcibly();
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
