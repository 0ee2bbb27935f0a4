package org.quorum.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.quorum.infrastructure.embedded.EmbeddedKafkaBroker;

/**
 * The Kafka broker of a Quorum variant's round, in a process of its own: the product's embedded broker (the same
 * {@link EmbeddedKafkaBroker}, same settings) started by {@link #main} in a separate JVM. The round's JVM then
 * holds only what a Quorum node holds, and the broker's CPU is metered apart from it, as PostgreSQL's is: the
 * peers have no broker, so a figure of Quorum's JVM with the broker inside would compare unlike with like.
 */
final class BrokerProcess implements AutoCloseable {

    private static final String READY = "BROKER READY";
    private static final long START_LIMIT_SECONDS = 120;

    private final Process process;
    private final int port;
    private final Thread stopOnExit;

    private BrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.stopOnExit = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts a broker on {@code logDir} (kept across rounds, as the variant's data folder is) and waits for it. */
    static BrokerProcess start(Path logDir, Path log) throws IOException, InterruptedException {
        int port = freePort();
        int controllerPort = freePort();
        Files.createDirectories(logDir);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
                logDir.toAbsolutePath().toString(), Integer.toString(port), Integer.toString(controllerPort))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BrokerProcess broker = new BrokerProcess(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (!Files.readString(log).contains(READY)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                broker.close();
                throw new IllegalStateException("The round's broker did not start; see " + log);
            }
            Thread.sleep(100);
        }
        return broker;
    }

    long pid() {
        return process.pid();
    }

    /** The application property that points the round's Quorum at this broker (its own embedded one stays off). */
    List<String> appProperties() {
        return List.of("spring.kafka.bootstrap-servers=127.0.0.1:" + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The broker's JVM: runs until it is stopped (SIGTERM), then closes the broker. */
    public static void main(String[] args) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println(READY + " on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
