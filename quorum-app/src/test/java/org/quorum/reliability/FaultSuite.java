package org.quorum.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs faults one at a time on one cluster while officers work on both nodes, then accounts per fault. After
 * each fault it measures the time to recover: from the end of the fault (the restart, the resume) until an
 * instance started on every node has had its started event acknowledged by Kafka.
 */
final class FaultSuite {

    /** The relay's batch size (quorum.events.relay.batch-size, default): the most one interrupted round repeats. */
    static final int RELAY_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(FaultSuite.class);

    record Result(String phase, Fault fault, Accounting.Row counts, String detail, Duration faultLasted,
                  Duration recovered) {
    }

    private final Path folder;
    private final Duration warmUp;
    private final Duration steady;
    private final int officersPerNode;

    FaultSuite(Path folder, Duration warmUp, Duration steady, int officersPerNode) {
        this.folder = folder;
        this.warmUp = warmUp;
        this.steady = steady;
        this.officersPerNode = officersPerNode;
    }

    List<Result> run(List<Fault> faults) throws Exception {
        Ledger ledger = new Ledger();
        List<Long> phaseOutboxStart = new ArrayList<>(List.of(0L));
        List<Long> phaseStartMillis = new ArrayList<>(List.of(0L));
        List<String> details = new ArrayList<>(List.of("officers on both nodes"));
        List<Duration> lasted = new ArrayList<>(List.of(Duration.ZERO));
        List<Duration> recovered = new ArrayList<>(List.of(Duration.ZERO));
        long started = System.nanoTime();
        try (Cluster cluster = Cluster.start(folder.resolve("cluster"))) {
            try (Officers officers = new Officers(ledger)) {
                officers.start(cluster.nodes, officersPerNode);
                Waits.sleep(warmUp);
                for (Fault fault : faults) {
                    phaseOutboxStart.add(cluster.outboxMaxId());
                    phaseStartMillis.add(System.currentTimeMillis());
                    ledger.enter(fault.name());
                    log.info("Fault {}: {}", fault, fault.description);
                    long t0 = System.nanoTime();
                    String detail = fault.inject(cluster, officers);
                    Duration faultLasted = Duration.ofNanos(System.nanoTime() - t0);
                    Duration recovery = awaitRecovery(cluster, officers);
                    log.info("Fault {} over after {} s, recovered {} s later: {}", fault,
                            Fault.seconds(faultLasted), Fault.seconds(recovery), detail);
                    details.add(detail);
                    lasted.add(faultLasted);
                    recovered.add(recovery);
                    Waits.sleep(steady);
                }
            }
            log.info("Officers stopped; waiting for the outbox to drain");
            Waits.until("every event is relayed", Duration.ofSeconds(180), () -> {
                try {
                    return cluster.unsent() == 0;
                } catch (Exception e) {
                    return false;
                }
            });
            List<TopicReader.Event> events = TopicReader.readAll(cluster.kafka.bootstrapServers(),
                    List.of(Cluster.PROCESS_TOPIC, Cluster.DECISION_TOPIC), Duration.ofSeconds(120));
            List<Accounting.Row> rows = Accounting.account(ledger, phaseOutboxStart, phaseStartMillis, events,
                    cluster.postgres);
            List<Result> results = new ArrayList<>();
            List<String> phases = ledger.phases();
            for (int p = 0; p < phases.size(); p++) {
                results.add(new Result(phases.get(p), p == 0 ? null : faults.get(p - 1), rows.get(p), details.get(p),
                        lasted.get(p), recovered.get(p)));
            }
            String report = report(results, events.size(), Duration.ofNanos(System.nanoTime() - started),
                    officersPerNode);
            log.info("Fault suite:\n{}", report);
            write(report);
            return results;
        }
    }

    /** Until a request started on each node (retried while the node does not take it) has reached Kafka. */
    private static Duration awaitRecovery(Cluster cluster, Officers officers) {
        long t0 = System.nanoTime();
        for (QuorumNode node : cluster.nodes) {
            String[] instance = new String[1];
            Waits.until(node.name() + " takes a new request", Duration.ofSeconds(180),
                    () -> (instance[0] = officers.startRequest(node)) != null);
            Waits.until("the started event of " + instance[0] + " is on Kafka", Duration.ofSeconds(180),
                    () -> cluster.startedEventSent(instance[0]));
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    static String report(List<Result> results, int records, Duration took, int officersPerNode) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run of %s UTC, %d s, %d officers per node, %d records read from "
                        + "Kafka, %d cores, load average %.1f%n%n",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)),
                took.toSeconds(), officersPerNode, records, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.append("| Phase | Acknowledged | Lost in history | Lost on Kafka | Invented | Out of order | Gaps"
                + " | Duplicate ids | Fault lasted (s) | Recovered after (s) | What happened |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            Accounting.Row c = r.counts();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %s | %s | %s |%n",
                    r.fault() == null ? r.phase() : r.fault().description, c.acknowledged(), c.lostInHistory(),
                    c.lostOnKafka(), c.invented(), c.outOfOrder(), c.gaps(), c.duplicates(),
                    r.fault() == null ? "" : Fault.seconds(r.faultLasted()),
                    r.fault() == null ? "" : Fault.seconds(r.recovered()), r.detail()));
        }
        return out.toString();
    }

    private void write(String report) throws IOException {
        Files.createDirectories(folder);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC));
        Path file = folder.resolve("fault-suite-" + stamp + ".md");
        Files.writeString(file, report);
        log.info("Report written to {}", file.toAbsolutePath());
    }
}
