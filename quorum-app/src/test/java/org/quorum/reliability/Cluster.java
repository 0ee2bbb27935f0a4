package org.quorum.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Quorum cluster on one machine, every part a process of its own on 127.0.0.1: one PostgreSQL server, three
 * KRaft brokers and two Quorum nodes from the packaged jar. Closing it kills whatever is still running (by pid)
 * and removes the data folders; the logs stay under {@code target/reliability/logs} for the reader of a failure.
 */
final class Cluster implements AutoCloseable {

    static final String PROCESS_TOPIC = "quorum.process-events";
    static final String DECISION_TOPIC = "quorum.decision-events";

    /**
     * RelayLeadership.LOCK_KEY (0x51554F52554F) as pg_locks shows a bigint advisory lock: its high and low
     * 32 bits.
     */
    private static final long LOCK_CLASSID = 0x51554F52554FL >>> 32;
    private static final long LOCK_OBJID = 0x51554F52554FL & 0xFFFFFFFFL;

    private static final Logger log = LoggerFactory.getLogger(Cluster.class);

    private final Path folder;
    private final Processes processes = new Processes();
    final PostgresServer postgres;
    final KafkaCluster kafka;
    final List<QuorumNode> nodes;

    private Cluster(Path folder) throws IOException {
        this.folder = folder;
        deleteRecursively(folder);
        Files.createDirectories(folder);
        this.postgres = new PostgresServer(processes, folder.resolve("postgres"), Ports.free());
        Files.createDirectories(folder.resolve("postgres"));
        this.kafka = new KafkaCluster(processes, folder);
        this.nodes = List.of(new QuorumNode("node-a", processes, folder, postgres, kafka),
                new QuorumNode("node-b", processes, folder, postgres, kafka));
    }

    static Cluster start(Path folder) throws Exception {
        quietKafkaClients();
        Cluster cluster = new Cluster(folder);
        try {
            long started = System.nanoTime();
            CompletableFuture<Void> formatted = CompletableFuture.runAsync(() -> {
                try {
                    cluster.kafka.format();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            cluster.postgres.initialise();
            cluster.postgres.start();
            formatted.join();
            cluster.kafka.startAll();
            // One node first: it creates the schema, the demo cast and the topics; the second joins a ready database
            // (both at once works too, taking turns on advisory locks, but costs more on two cores).
            cluster.nodes.get(0).start();
            cluster.nodes.get(0).awaitReady(Duration.ofSeconds(240));
            cluster.nodes.get(1).start();
            cluster.nodes.get(1).awaitReady(Duration.ofSeconds(240));
            cluster.kafka.awaitAllUp(Duration.ofSeconds(60), PROCESS_TOPIC, DECISION_TOPIC);
            log.info("Cluster up in {} s: PostgreSQL pid {}, brokers {}, nodes {} (pids {}, {})",
                    (System.nanoTime() - started) / 1_000_000_000, cluster.postgres.pid(),
                    cluster.kafka.bootstrapServers(), cluster.nodes.stream().map(QuorumNode::name).toList(),
                    cluster.nodes.get(0).pid(), cluster.nodes.get(1).pid());
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The harness's own Kafka clients (admin, the final consumer) log every refused connection while brokers are
     * down, which is the point of the faults: warnings only, and not per connection.
     */
    private static void quietKafkaClients() {
        if (LoggerFactory.getLogger("org.apache.kafka") instanceof ch.qos.logback.classic.Logger kafkaLog) {
            kafkaLog.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    /** The node whose relay holds the leader lock now (by the application_name of the lock's session), or null. */
    QuorumNode relayingNode() throws SQLException {
        String holder = lockSession("a.application_name");
        return nodes.stream().filter(n -> n.name().equals(holder)).findFirst().orElse(null);
    }

    QuorumNode otherThan(QuorumNode node) {
        return nodes.get(0) == node ? nodes.get(1) : nodes.get(0);
    }

    /** pg_terminate_backend of the relay's lock session (an idle timeout, a proxy, an operator); its backend pid. */
    long terminateLockSession() throws SQLException {
        String pid = lockSession("a.pid::text");
        if (pid == null) {
            throw new IllegalStateException("No session holds the relay's leader lock");
        }
        try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(" + pid + ")");
        }
        return Long.parseLong(pid);
    }

    private String lockSession(String column) throws SQLException {
        try (Connection c = postgres.connect(); PreparedStatement s = c.prepareStatement("select " + column
                + " from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory'"
                + " and l.granted and l.classid::bigint = ? and l.objid::bigint = ?")) {
            s.setLong(1, LOCK_CLASSID);
            s.setLong(2, LOCK_OBJID);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    long outboxMaxId() throws SQLException {
        return queryLong("select coalesce(max(id), 0) from quorum_event_outbox");
    }

    long unsent() throws SQLException {
        return queryLong("select count(*) from quorum_event_pending");
    }

    /** Whether the started event of {@code instance} reached Kafka (the relay marked it sent after Kafka's ack). */
    boolean startedEventSent(String instance) {
        try (Connection c = postgres.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from quorum_event_outbox o join quorum_event_delivery d on d.id = o.id "
                        + "where o.root_process_instance_id = ? and o.event_type = 'process.started'")) {
            s.setString(1, instance);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = postgres.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() {
        processes.close();
        try {
            postgres.removeData();
        } catch (IOException e) {
            log.warn("Cannot remove PostgreSQL's data folder: {}", e.toString());
        }
        try {
            Path logs = folder.resolveSibling("logs");
            deleteRecursively(logs);
            Files.createDirectories(logs);
            // The processes' own logs (not Kafka's segment files, which end in .log too).
            try (Stream<Path> files = Files.walk(folder, 2)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".log") && !f.getParent().getFileName()
                        .toString().endsWith("-data")).toList()) {
                    Files.copy(file, logs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            deleteRecursively(folder);
        } catch (IOException e) {
            log.warn("Cannot remove {}: {}", folder, e.toString());
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
