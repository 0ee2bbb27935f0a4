package org.quorum.bench;

import static org.quorum.bench.Report.fmt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.quorum.bench.driver.ForkRequest;
import org.quorum.bench.driver.ForkedRound;
import org.quorum.bench.driver.Throughput;

/**
 * Closed-loop throughput of each variant. Every variant runs once per round, so that a slow minute of a shared
 * machine hits all variants alike instead of one; the order is reversed every other round, so that no variant
 * always follows the same one; each variant's figure is the median of its rounds. Each variant's round runs in
 * a JVM of its own (Quorum's: {@link QuorumRound}; a peer's: its executable jar), so that its CPU figure is
 * that JVM's and its PostgreSQL's alone, measured the same way for all. A Quorum round's Kafka broker runs in a
 * process of its own too ({@link BrokerProcess}), metered apart.
 *
 * @param work the run's folder under target/bench-data; each variant gets a data folder in it
 */
record ThroughputRounds(Settings settings, Path work) {

    private static final long ROUND_LIMIT_MINUTES = 30;

    /** By variant in the enum's order, whatever the order asked for. */
    Map<Variant, VariantResult> measure() throws Exception {
        Map<Variant, List<RoundResult>> rounds = new EnumMap<>(Variant.class);
        Map<Variant, VariantResult.Setup> setups = new EnumMap<>(Variant.class);
        for (int round = 1; round <= settings.rounds(); round++) {
            List<Variant> order = new ArrayList<>(settings.variants());
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (Variant variant : order) {
                rounds.computeIfAbsent(variant, v -> new ArrayList<>()).add(measure(round, variant, setups));
            }
        }
        Map<Variant, VariantResult> variants = new EnumMap<>(Variant.class);
        rounds.forEach((variant, results) ->
                variants.put(variant, VariantResult.of(variant, setups.get(variant), results)));
        return variants;
    }

    /** One variant's round in its own JVM; the first round also notes what it ran with. */
    private RoundResult measure(int round, Variant variant, Map<Variant, VariantResult.Setup> setups)
            throws Exception {
        List<Double> loadAtStart = Machine.loadAverage();
        Progress.log("Round " + round + " of " + settings.rounds() + ", " + variant.label()
                + ": starting its JVM");
        ForkedRound forked = fork(round, variant);
        if (round == 1) {
            setups.put(variant, new VariantResult.Setup(forked.postgres(), forked.engine()));
        }
        Throughput one = forked.oneTask();
        Throughput endorsed = forked.regionalEndorsement();
        Progress.log("  -> " + figures(one) + (endorsed == null ? "" : "; " + figures(endorsed)));
        return new RoundResult(round, loadAtStart, forked.contextStartSeconds(), one, endorsed,
                forked.relayAfterThroughput(), Machine.loadAverage());
    }

    private static String figures(Throughput window) {
        String broker = window.brokerCpuMsPerInstance() > 0
                ? ", broker apart " + fmt(window.brokerCpuMsPerInstance()) + " ms" : "";
        return window.processKey() + " " + fmt(window.perSecond()) + " instances/s, CPU "
                + fmt(window.cpuMsPerInstance()) + " ms per instance (PostgreSQL "
                + fmt(window.postgresCpuMsPerInstance()) + ", JIT " + fmt(window.jitMsPerInstance()) + ")" + broker;
    }

    private ForkedRound fork(int round, Variant variant) throws IOException, InterruptedException {
        String name = variant.name() + "-round-" + round;
        Files.createDirectories(work);
        if (!variant.quorum()) {
            return fork(name, variant, round, List.of(), 0);
        }
        try (BrokerProcess broker = BrokerProcess.start(work.resolve(variant.name() + "-broker"),
                work.resolve(name + "-broker.log"))) {
            List<String> properties = new ArrayList<>(settings.appProperties());
            properties.addAll(broker.appProperties());
            return fork(name, variant, round, properties, broker.pid());
        }
    }

    private ForkedRound fork(String name, Variant variant, int round, List<String> appProperties, long brokerPid)
            throws IOException, InterruptedException {
        Path result = work.resolve(name + ".json");
        Path log = work.resolve(name + ".log");
        ForkRequest request = new ForkRequest(variant.name(), round, work.resolve(variant.name()), result,
                settings.officers(), settings.warmup(), settings.instances(), settings.endorsementInstances(),
                settings.fsync(), appProperties, brokerPid);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(settings.forkJvmArgs());
        command.addAll(variant.quorum()
                ? List.of("-cp", System.getProperty("java.class.path"), QuorumRound.class.getName())
                : List.of("-jar", peerJar(variant).toString()));
        command.addAll(request.arguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        // Should this JVM be stopped, the variant's JVM stops too (and, through its shutdown hooks, its PostgreSQL).
        Thread stopChild = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            if (!process.waitFor(ROUND_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException(name + " did not finish within " + ROUND_LIMIT_MINUTES
                        + " minutes; see " + log);
            }
            if (process.exitValue() != 0 || !Files.exists(result)) {
                throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "); see " + log);
            }
            return ForkedRound.read(result);
        } finally {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            Runtime.getRuntime().removeShutdownHook(stopChild);
        }
    }

    private Path peerJar(Variant variant) {
        Path jar = variant.peerJar(Path.of(settings.peers())).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the peers are built by the root pom's bench profile, "
                    + "`mvn -Pbench verify` from the repository's root (or `-pl quorum-app -am`)");
        }
        return jar;
    }
}
