package org.quorum.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does; every value is a system property ({@code -Dbench.instances=5000}), with the
 * defaults of the {@code bench} Maven profile sized for a run of about ten minutes on two cores.
 *
 * @param rounds               rounds per variant; each variant runs once per round, its figure is the median
 * @param officers             concurrent simulated officers (threads driving instances through the Java API)
 * @param warmup               instances driven and discarded before each measured window
 * @param instances            measured instances of the one-task model per variant
 * @param endorsementInstances measured instances of regional-endorsement per variant
 * @param latencySeconds       length of the fixed-load window in which commit-to-consume latency is sampled
 * @param backlog              events to pile up in the outbox while the broker is stopped
 * @param fsync                PostgreSQL fsync and synchronous_commit (the product default is on)
 * @param startup              also time fresh JVMs from launch to "Started QuorumApplication"
 * @param variants             which variants to run (all for a report; one while working on it)
 * @param appProperties        extra application properties for every Quorum variant, comma-separated (to try a
 *                             setting)
 * @param peers                the folder of the peers' Maven modules (quorum-bench-peers), whose jars they run
 * @param forkJvmArgs          JVM options for every variant's own JVM, space-separated (e.g. a flight recording)
 * @param history              also run the history stage ({@link HistoryStage}); off unless asked for
 * @param historyInstances     finished instances the history stage fills the database with
 * @param historyOpenTasks     open tasks it adds through the engine
 * @param historySamples       calls timed per query, on the empty and on the filled database
 */
record Settings(int rounds, int officers, int warmup, int instances, int endorsementInstances, int latencySeconds,
                int backlog, boolean fsync, boolean startup, List<Variant> variants,
                List<String> appProperties, String peers, List<String> forkJvmArgs, boolean history,
                int historyInstances, int historyOpenTasks, int historySamples) {

    static final String ALL_VARIANTS = "CAMUNDA_DEFAULTS,QUORUM_EVENTS_OFF,QUORUM_EVENTS_ON,BARE_CAMUNDA,BARE_FLOWABLE";

    static Settings fromSystemProperties() {
        return new Settings(
                Integer.getInteger("bench.rounds", 3),
                Integer.getInteger("bench.officers", 8),
                Integer.getInteger("bench.warmup", 300),
                Integer.getInteger("bench.instances", 1200),
                Integer.getInteger("bench.endorsement.instances", 300),
                Integer.getInteger("bench.latency.seconds", 20),
                Integer.getInteger("bench.backlog", 100_000),
                Boolean.parseBoolean(System.getProperty("bench.fsync", "true")),
                Boolean.parseBoolean(System.getProperty("bench.startup", "true")),
                Arrays.stream(System.getProperty("bench.variants", ALL_VARIANTS).split(",")).map(String::trim)
                        .filter(v -> !v.isEmpty()).map(Variant::valueOf).toList(),
                Arrays.stream(System.getProperty("bench.app", "").split(",")).map(String::trim)
                        .filter(p -> !p.isEmpty()).toList(),
                System.getProperty("bench.peers", "../quorum-bench-peers"),
                Arrays.stream(System.getProperty("bench.forkJvmArgs", "").split(" ")).map(String::trim)
                        .filter(p -> !p.isEmpty()).toList(),
                Boolean.parseBoolean(System.getProperty("bench.history", "false")),
                Integer.getInteger("bench.history.instances", 100_000),
                Integer.getInteger("bench.history.openTasks", 10_000),
                Integer.getInteger("bench.history.samples", 200));
    }
}
