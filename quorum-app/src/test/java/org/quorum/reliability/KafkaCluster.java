package org.quorum.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/**
 * Three KRaft brokers (each broker and controller), each a JVM of its own started from the Kafka jars on the
 * test classpath: {@code kafka.tools.StorageTool format}, then {@code kafka.Kafka server.properties}.
 */
final class KafkaCluster {

    static final int SIZE = 3;

    private final Processes processes;
    private final Path folder;
    private final int[] clientPorts = new int[SIZE];
    private final int[] controllerPorts = new int[SIZE];
    private final Process[] brokers = new Process[SIZE];

    KafkaCluster(Processes processes, Path folder) {
        this.processes = processes;
        this.folder = folder;
        for (int i = 0; i < SIZE; i++) {
            clientPorts[i] = Ports.free();
            controllerPorts[i] = Ports.free();
        }
    }

    String bootstrapServers() {
        List<String> servers = new ArrayList<>();
        for (int port : clientPorts) {
            servers.add("127.0.0.1:" + port);
        }
        return String.join(",", servers);
    }

    void format() throws IOException {
        Files.writeString(folder.resolve("logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                  <logger name="kafka.server.KafkaServer" level="INFO"/>
                  <logger name="kafka.server.BrokerServer" level="INFO"/>
                </configuration>
                """);
        String clusterId = Uuid.randomUuid().toString();
        List<Process> formats = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            Path properties = writeProperties(i);
            formats.add(processes.start(java(i, List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                    properties.toString())), Map.of(), folder.resolve("format-" + (i + 1) + ".log")));
        }
        for (int i = 0; i < SIZE; i++) {
            Process format = formats.get(i);
            if (!Processes.awaitExit(format, Duration.ofSeconds(120)) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting broker " + (i + 1) + " failed; see "
                        + folder.resolve("format-" + (i + 1) + ".log"));
            }
        }
    }

    void startAll() {
        for (int i = 0; i < SIZE; i++) {
            start(i);
        }
        awaitAllUp(Duration.ofSeconds(120));
    }

    /** Starts broker {@code index} (0-based) on its existing data folder. */
    void start(int index) {
        brokers[index] = processes.start(java(index, List.of("kafka.Kafka",
                folder.resolve("broker-" + (index + 1) + ".properties").toString())), Map.of(),
                folder.resolve("broker-" + (index + 1) + ".log"));
    }

    void kill(int index) {
        Processes.signal(brokers[index].pid(), "KILL");
        Processes.awaitExit(brokers[index], Duration.ofSeconds(30));
    }

    /** Waits until every broker is registered and every partition of {@code topics} has its full ISR. */
    Duration awaitAllUp(Duration limit, String... topics) {
        return Waits.until("all " + SIZE + " brokers are up" + (topics.length > 0 ? " and in sync" : ""), limit,
                () -> {
                    try (Admin admin = admin()) {
                        if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() < SIZE) {
                            return false;
                        }
                        if (topics.length == 0) {
                            return true;
                        }
                        return admin.describeTopics(List.of(topics)).allTopicNames().get(5, TimeUnit.SECONDS)
                                .values().stream().flatMap(t -> t.partitions().stream())
                                .allMatch(p -> p.isr().size() == SIZE && p.leader() != null);
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    /** The broker (0-based) that leads the partition of {@code topic} holding the most records. */
    int leaderOfBusiestPartition(String topic) throws Exception {
        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = description.partitions().stream().collect(Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            var offsets = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            var busiest = description.partitions().stream()
                    .max(Comparator.comparingLong(p -> offsets.get(new TopicPartition(topic, p.partition())).offset()))
                    .orElseThrow();
            return busiest.leader().id() - 1;
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000));
    }

    private Path writeProperties(int index) throws IOException {
        int node = index + 1;
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < SIZE; i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(controllerPorts[i]);
        }
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(node));
        p.put("controller.quorum.voters", voters.toString());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPorts[index] + ",CONTROLLER://127.0.0.1:"
                + controllerPorts[index]);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPorts[index]);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", folder.resolve("broker-" + node + "-data").toString());
        // What a production cluster of three runs with: nothing acknowledged lives on one broker only.
        p.put("default.replication.factor", "3");
        p.put("min.insync.replicas", "2");
        p.put("offsets.topic.replication.factor", "3");
        p.put("transaction.state.log.replication.factor", "3");
        p.put("transaction.state.log.min.isr", "2");
        p.put("unclean.leader.election.enable", "false");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Small threads pools: three brokers share two cores with PostgreSQL and two Quorum nodes.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("num.replica.fetchers", "1");
        p.put("offsets.topic.num.partitions", "3");
        Path file = folder.resolve("broker-" + node + ".properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "reliability cluster broker " + node);
        }
        return file;
    }

    private List<String> java(int index, List<String> mainAndArguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xms128m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dlogback.configurationFile=" + folder.resolve("logback.xml"),
                "-Dreliability.broker=" + (index + 1), "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        return command;
    }
}
