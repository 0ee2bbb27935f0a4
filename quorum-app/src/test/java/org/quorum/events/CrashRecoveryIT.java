package org.quorum.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
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
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.QuorumApplication;
import org.quorum.support.ChildTemp;
import org.quorum.infrastructure.embedded.EmbeddedKafkaBroker;
import org.quorum.infrastructure.embedded.EmbeddedPostgresServer;
import org.quorum.support.EventsConsumer;
import org.quorum.support.OwnApplication;
import org.quorum.support.StandaloneQuorum;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node killed with SIGKILL between commit and publish: after it is gone, another node publishes every event
 * the dead node committed, with the ids written at commit, in sequence order. The node under test runs in its
 * own JVM so that the kill is real (no shutdown hooks, no flush, connections cut).
 */
@OwnApplication
class CrashRecoveryIT {

    private static final String TOPIC = "quorum.process-events";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEventCommittedByAKilledNodeIsDeliveredByTheNodeThatRemains() throws Exception {
        // Node A hosts the embedded PostgreSQL and Kafka and relays nothing, so the killed node's events wait.
        try (ConfigurableApplicationContext services = StandaloneQuorum.startDemo(dataDir.resolve("a"),
                "quorum.events.relay.enabled=false")) {
            EmbeddedPostgresServer postgres = services.getBean(EmbeddedPostgresServer.class);
            EmbeddedKafkaBroker broker = services.getBean(EmbeddedKafkaBroker.class);
            JdbcTemplate jdbc = services.getBean(JdbcTemplate.class);
            String database = "jdbc:postgresql://127.0.0.1:" + postgres.postgres().getPort() + "/quorum";

            int port = freePort();
            Process doomed = startNodeInItsOwnJvm(database, postgres.password(), port, "127.0.0.1:" + freePort());
            List<String> ids = new ArrayList<>();
            List<String> committed;
            try {
                awaitHealthy(port);
                for (int i = 1; i <= 3; i++) {
                    ids.add(runToCompletionOverRest(port, "CRASH-" + i));
                }
                committed = jdbc.queryForList("select o.event_id::text from quorum_event_outbox o "
                        + "join quorum_event_pending p on p.id = o.id "
                        + "where o.root_process_instance_id in (?, ?, ?) order by o.id",
                        String.class, ids.toArray());
                assertThat(committed).as("12 committed, unpublished events per instance").hasSize(36);
            } finally {
                doomed.destroyForcibly();
                doomed.waitFor();
            }

            try (ConfigurableApplicationContext survivor = StandaloneQuorum.startDemo(dataDir.resolve("b"),
                    "spring.datasource.url=" + database,
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=" + postgres.password(),
                    "spring.kafka.bootstrap-servers=" + broker.bootstrapServers());
                 EventsConsumer consumer = new EventsConsumer(broker.bootstrapServers(), TOPIC)) {
                List<String> delivered = new ArrayList<>();
                for (String id : ids) {
                    List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id,
                            r -> EventsConsumer.hasType(r, "quorum.process.completed.v1"), WAIT);
                    assertThat(records).extracting(r -> Long.parseLong(String.valueOf(r.value().getExtension("sequence"))))
                            .containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
                    records.forEach(r -> delivered.add(r.value().getId()));
                }
                assertThat(delivered).containsExactlyInAnyOrderElementsOf(committed);
            }
        }
    }

    private Process startNodeInItsOwnJvm(String database, String password, int port, String unreachableKafka)
            throws IOException {
        Path log = Path.of("target", "crash-recovery-node.log");
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        // Failsafe runs tests from a manifest-only jar; the real class path is in surefire.test.class.path. It
        // ends with a separator, an empty entry that Java reads as the working directory: the repository's own
        // bpmn/ folder would then be deployed a second time beside target/classes/bpmn. Empty entries are dropped.
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        return new ProcessBuilder(java, "-Xmx512m", ChildTemp.in(dataDir), "-cp", classPath,
                QuorumApplication.class.getName(),
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=" + password,
                "--spring.kafka.bootstrap-servers=" + unreachableKafka,
                "--quorum.embedded.data-dir=" + dataDir.resolve("doomed"))
                .directory(dataDir.toFile()).redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile())
                .start();
    }

    private void awaitHealthy(int port) {
        Awaitility.await("node in its own JVM answering /actuator/health (log: target/crash-recovery-node.log)")
                .atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private String runToCompletionOverRest(int port, String businessKey) throws Exception {
        JsonNode instance = rest(port, "POST", "/engine-rest/process-definition/key/events-fixture/start",
                "{\"businessKey\":\"" + businessKey + "\"}");
        String id = instance.path("id").asText();
        JsonNode task = rest(port, "GET", "/engine-rest/task?maxResults=50&processInstanceId=" + id, null).get(0);
        rest(port, "POST", "/engine-rest/task/" + task.path("id").asText() + "/complete", "{}");
        return id;
    }

    private JsonNode rest(int port, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
