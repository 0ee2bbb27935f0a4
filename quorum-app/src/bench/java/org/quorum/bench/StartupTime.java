package org.quorum.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's run command, minus Maven: a fresh JVM running QuorumApplication with the demo profile and the
 * embedded services, timed from launch to Spring Boot's "Started QuorumApplication" line, and to the first
 * answer of /actuator/health (after the startup runners: identity, demo cast). The first start on an empty data
 * folder unpacks PostgreSQL and creates the schema; the second shows a later start.
 */
final class StartupTime {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private StartupTime() {
    }

    /** The two starts, or why they could not be measured (the rest of the run goes on without them). */
    static Outcome measure(Path dataDir, boolean fsync) throws IOException, InterruptedException {
        Progress.log("Startup: fresh JVMs running QuorumApplication (demo profile, embedded services)");
        try {
            return new Result(start(dataDir, fsync), start(dataDir, fsync));
        } catch (RuntimeException e) {
            Progress.log("  Startup not measured: " + e.getMessage());
            return new NotMeasured(e.getMessage());
        }
    }

    private static Start start(Path dataDir, boolean fsync) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(dataDir);
        Path log = Files.createTempFile(dataDir, "startup-", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.quorum.QuorumApplication", "--spring.profiles.active=demo", "--server.port=0",
                "--quorum.embedded.data-dir=" + dataDir, "--quorum.embedded.postgres.port=0",
                "--quorum.embedded.postgres.fsync=" + fsync, "--quorum.embedded.kafka.port=0",
                "--quorum.embedded.kafka.controller-port=0"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = launched + LIMIT.toNanos();
            double started = -1;
            while (System.nanoTime() < deadline && process.isAlive()) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                if (started < 0 && output.contains("Started QuorumApplication")) {
                    started = (System.nanoTime() - launched) / 1e9;
                }
                Matcher port = PORT.matcher(output);
                if (started >= 0 && port.find() && answersHealth(Integer.parseInt(port.group(1)))) {
                    return new Start(started, (System.nanoTime() - launched) / 1e9, Machine.rssMiB(process.pid()));
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("QuorumApplication did not start and answer /actuator/health within "
                    + LIMIT + "; see " + log);
        } finally {
            stop(process, dataDir);
        }
    }

    private static boolean answersHealth(int port) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the application, then its PostgreSQL should the application not have stopped it. */
    private static void stop(Process process, Path dataDir) throws IOException, InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(postgres -> {
                postgres.destroy();
                postgres.onExit().join();
            });
        }
    }

    /**
     * @param startedSeconds from launch to "Started QuorumApplication"
     * @param readySeconds   from launch to the first HTTP 200 of /actuator/health
     * @param rssMiB         resident memory of the JVM then (PostgreSQL runs in its own processes)
     */
    record Start(double startedSeconds, double readySeconds, long rssMiB) {
    }

    /** The report's "startup": the two starts, or the error that stopped them (written as {"error": ...}). */
    sealed interface Outcome permits Result, NotMeasured {
    }

    record Result(Start first, Start later) implements Outcome {
    }

    record NotMeasured(String error) implements Outcome {
    }
}
