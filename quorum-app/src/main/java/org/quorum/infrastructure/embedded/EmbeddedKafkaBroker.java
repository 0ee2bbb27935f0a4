package org.quorum.infrastructure.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.quorum.infrastructure.startup.StartupProblem;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), running inside this JVM with its
 * log folder on disk so that topics and offsets survive a restart. It is the same server as Kafka's own
 * {@code kafka-server-start.sh}; only the process is shared.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final KafkaRaftServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(Path logDir, int port, int controllerPort, KafkaRaftServer server) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.server = server;
    }

    public static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort) throws IOException {
        Files.createDirectories(logDir);
        refuseIfInUse(logDir);
        Properties config = serverProperties(logDir, port, controllerPort);
        Path configFile = logDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(configFile)) {
            config.store(writer, "Written by Quorum at each start of its embedded broker");
        }
        formatOnce(logDir, configFile);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaBroker(logDir, port, controllerPort, server);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logDir() {
        return logDir;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.resolve("logs").toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        return p;
    }

    /**
     * The broker runs inside the application, so a killed application leaves no broker behind, only files: the
     * log folder's {@code .lock} (its OS lock died with the process, so Kafka takes it again) and logs without a
     * clean-shutdown marker (Kafka recovers them). What must not happen is a second broker on a folder whose
     * first one still runs in a live application; that is refused here with the setting to change.
     */
    private static void refuseIfInUse(Path logDir) throws IOException {
        Path logs = logDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (FolderLock lock = FolderLock.tryTake(logs.resolve(".lock"))) {
            if (lock == null) {
                throw new StartupProblem("The embedded Kafka broker's folder " + logs
                        + " is in use by another running Quorum.",
                        "Stop the other Quorum first, or give this one its own folder with quorum.embedded.data-dir.");
            }
        }
    }

    /** Formats the log folder on first start only; formatting again would fail and must not erase data. */
    private static void formatOnce(Path logDir, Path configFile) {
        if (Files.exists(logDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = StorageTool.execute(new String[] {
                "format", "--config", configFile.toString(), "--cluster-id", Uuid.randomUuid().toString(),
                "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exitCode != 0) {
            throw new IllegalStateException("Could not format the embedded Kafka log folder " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }
}
