package org.quorum.events.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;

/** A single-node KRaft broker in the test JVM, on free loopback ports and a fresh folder: a real Kafka, no mock. */
final class TestBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;
    private final Path dir;

    private TestBroker(KafkaRaftServer server, int port, Path dir) {
        this.server = server;
        this.port = port;
        this.dir = dir;
    }

    static TestBroker start() throws IOException {
        Path dir = Files.createTempDirectory("quorum-events-client-kafka");
        try {
            return start(dir);
        } catch (IOException | RuntimeException e) {
            Utils.delete(dir.toFile());
            throw e;
        }
    }

    private static TestBroker start(Path dir) throws IOException {
        int port = freePort();
        int controllerPort = freePort();
        Properties config = new Properties();
        try (InputStream defaults = TestBroker.class.getResourceAsStream("/test-broker.properties")) {
            config.load(defaults);
        }
        config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.setProperty("log.dirs", dir.resolve("logs").toString());
        Path configFile = dir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(configFile)) {
            config.store(writer, null);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        if (StorageTool.execute(new String[] {"format", "--config", configFile.toString(), "--cluster-id",
                Uuid.randomUuid().toString()}, new PrintStream(output, true, StandardCharsets.UTF_8)) != 0) {
            throw new IllegalStateException("Could not format " + dir + ": " + output.toString(StandardCharsets.UTF_8));
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        return new TestBroker(server, port, dir);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            try {
                Utils.delete(dir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove the test broker's folder " + dir, e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
