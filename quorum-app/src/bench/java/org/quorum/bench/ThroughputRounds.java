package org.quorum.bench;

import static org.quorum.bench.Report.fmt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Closed-loop throughput of each variant, both models. Every variant runs once per round, in the same order, so
 * that a slow minute of a shared machine hits all variants alike instead of one; each variant's figure is the
 * median of its rounds.
 *
 * @param work the run's folder under target/bench-data; each application gets a data folder in it
 */
record ThroughputRounds(Settings settings, Path work) {

    /** By variant in the enum's order, whatever the order asked for. */
    Map<Variant, VariantResult> measure() throws Exception {
        Map<Variant, List<RoundResult>> rounds = new EnumMap<>(Variant.class);
        Map<Variant, VariantResult.Setup> setups = new EnumMap<>(Variant.class);
        for (int round = 1; round <= settings.rounds(); round++) {
            for (Variant variant : settings.variants()) {
                rounds.computeIfAbsent(variant, v -> new ArrayList<>()).add(measure(round, variant, setups));
            }
        }
        Map<Variant, VariantResult> variants = new EnumMap<>(Variant.class);
        rounds.forEach((variant, results) ->
                variants.put(variant, VariantResult.of(variant, setups.get(variant), results)));
        return variants;
    }

    /** One variant's round on a freshly started application; the first round also notes what it ran with. */
    private RoundResult measure(int round, Variant variant, Map<Variant, VariantResult.Setup> setups)
            throws Exception {
        List<Double> loadAtStart = Machine.loadAverage();
        Progress.log("Round " + round + " of " + settings.rounds() + ", " + variant.label()
                + ": starting the application");
        long starting = System.nanoTime();
        try (BenchApplication app = BenchApplication.start(work, variant, settings)) {
            double startSeconds = Report.round((System.nanoTime() - starting) / 1e9);
            if (round == 1) {
                setups.put(variant, new VariantResult.Setup(app.postgres(), app.engineSettings()));
            }
            app.deployBenchModel();
            Officers officers = new Officers(app.engine(), settings.officers(), new CpuMeter(app.jdbc()));
            Officers.Throughput one = officers.measure(Model.ONE_TASK, "one-task-" + round,
                    settings.warmup(), settings.instances());
            Officers.Throughput endorsed = officers.measure(Model.ENDORSEMENT_DECLINED, "endorsement-" + round,
                    Math.max(1, settings.warmup() / 3), settings.endorsementInstances());
            Progress.log("  -> " + Model.ONE_TASK.processKey() + " " + fmt(one.perSecond()) + ", "
                    + Model.ENDORSEMENT_DECLINED.processKey() + " " + fmt(endorsed.perSecond())
                    + " instances/s; CPU " + fmt(one.cpuMsPerInstance()) + " and "
                    + fmt(endorsed.cpuMsPerInstance()) + " ms per instance (PostgreSQL "
                    + fmt(one.postgresCpuMsPerInstance()) + " and " + fmt(endorsed.postgresCpuMsPerInstance()) + ")");
            BenchApplication.RelayCatchUp relay = variant == Variant.QUORUM_EVENTS_ON ? app.awaitRelay() : null;
            return new RoundResult(round, loadAtStart, startSeconds, one, endorsed, relay, Machine.loadAverage());
        }
    }
}
