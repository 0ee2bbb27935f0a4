package org.quorum.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's run command, minus Maven: a fresh JVM running QuorumApplication with the demo profile and the
 * embedded services, timed from launch to Spring Boot's "Started QuorumApplication" line. The first start on an
 * empty data folder unpacks PostgreSQL and creates the schema; the second shows a later start.
 */
final class StartupTime {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    private StartupTime() {
    }

    static Result measure(Path dataDir, boolean fsync) throws IOException, InterruptedException {
        return new Result(start(dataDir, fsync), start(dataDir, fsync));
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
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (Files.readString(log, StandardCharsets.UTF_8).contains("Started QuorumApplication")) {
                    return new Start((System.nanoTime() - launched) / 1e9, Machine.rssMiB(process.pid()));
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("QuorumApplication did not report 'Started' within " + LIMIT
                    + "; see " + log);
        } finally {
            stop(process);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** @param rssMiB resident memory of the JVM right after startup (PostgreSQL runs in its own processes) */
    record Start(double seconds, long rssMiB) {
    }

    record Result(Start first, Start later) {
    }
}
