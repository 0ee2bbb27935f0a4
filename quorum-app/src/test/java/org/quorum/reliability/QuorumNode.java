package org.quorum.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.quorum.support.ChildTemp;

/**
 * A Quorum node started from the packaged jar ({@code java -jar target/quorum-*.jar}), as an operator runs it,
 * against the cluster's PostgreSQL and Kafka, with the demo cast (the simulated officers are its users).
 */
final class QuorumNode {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Processes processes;
    private final Path logFile;
    private final Map<String, String> environment;
    private final int port;
    private Process process;

    QuorumNode(String name, Processes processes, Path folder, PostgresServer postgres, KafkaCluster kafka) {
        this.name = name;
        this.processes = processes;
        this.logFile = folder.resolve(name + ".log");
        this.port = Ports.free();
        this.environment = Map.ofEntries(
                Map.entry("PORT", Integer.toString(port)),
                Map.entry("SPRING_PROFILES_ACTIVE", "demo"),
                Map.entry("SPRING_DATASOURCE_URL", postgres.jdbcUrl(name)),
                Map.entry("SPRING_DATASOURCE_USERNAME", "postgres"),
                Map.entry("SPRING_DATASOURCE_PASSWORD", "postgres"),
                Map.entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                Map.entry("QUORUM_EVENTS_TOPICS_REPLICATION_FACTOR", "3"),
                Map.entry("QUORUM_EVENTS_TOPICS_MIN_INSYNC_REPLICAS", "2"),
                Map.entry("QUORUM_DB_POOL_SIZE", "10"),
                // Two nodes on one machine: each demo mail server on a free port, so both start (and both notify).
                Map.entry("QUORUM_DEMO_MAIL_SMTP_PORT", "0"),
                Map.entry("QUORUM_DEMO_MAIL_IMAP_PORT", "0"),
                Map.entry("QUORUM_EMBEDDED_DATA_DIR", folder.resolve(name + "-data").toString()));
    }

    void start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms128m", "-Xmx448m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError", ChildTemp.in(logFile.getParent().resolve(name + "-tmp")), "-jar",
                jar().toString()));
        process = processes.start(command, environment, logFile);
    }

    /**
     * Waits until the node is ready as a supervisor sees it ({@code /actuator/health/readiness} 200) and serves
     * officers (the REST API answers an officer's call with 200).
     */
    Duration awaitReady(Duration limit) {
        return Waits.until(name + " serves officers (see " + logFile + ")", limit, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            return ready();
        });
    }

    boolean ready() {
        return answers200(HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(3))
                .GET().build()) && answers200(HttpRequest.newBuilder(uri("/engine-rest/task/count"))
                .header("Authorization", basic("officer")).timeout(Duration.ofSeconds(3)).GET().build());
    }

    private static boolean answers200(HttpRequest request) {
        try {
            HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void signal(String signal) {
        Processes.signal(process.pid(), signal);
    }

    void kill() {
        signal("KILL");
        Processes.awaitExit(process, Duration.ofSeconds(30));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
    }

    /** The jar `mvn package` built (the failsafe phase runs after package, so `mvn verify` has it). */
    static Path jar() {
        Path target = Path.of("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("quorum-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/quorum-*.jar: run `mvn package` first "
                            + "(mvn verify packages before the integration tests)"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list target/: " + e.getMessage(), e);
        }
    }
}
