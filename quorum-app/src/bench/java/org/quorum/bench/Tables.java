package org.quorum.bench;

import static org.quorum.bench.Report.fmt;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.quorum.bench.driver.Percentiles;
import org.quorum.bench.driver.Throughput;

/**
 * The Markdown summary of a run: absolute figures with the ratios beside them, and the targets of issues 7 and
 * 17.
 */
final class Tables {

    private Tables() {
    }

    static String markdown(BenchmarkResult run) {
        Settings settings = run.settings();
        Machine.Description machine = run.machine();
        Map<Variant, VariantResult> variants = run.variants();
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(run.startedAt()).append(": ").append(machine.availableProcessors())
                .append(" CPUs (").append(machine.cpuModel()).append("), ").append(machine.memTotal())
                .append(", ").append(machine.java()).append("; PostgreSQL fsync and synchronous_commit ")
                .append(settings.fsync() ? "on" : "OFF").append("; load average at start ")
                .append(run.loadAverageAtStart()).append(", at end ").append(run.loadAverageAtEnd())
                .append("; ").append(settings.officers()).append(" officers.\n\n");
        if (variants.isEmpty()) {
            HistoryTables.append(md, run.history());
            return md.toString();
        }

        peerRows(md, run);
        md.append("| Throughput (instances/s, median of ").append(settings.rounds())
                .append(" rounds) | Camunda defaults, no events | Quorum, events off | Quorum, events on "
                + "| on / off (target >= 0.90) | on / Camunda defaults |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        row(md, "bench-one-task (" + settings.instances() + " instances)",
                Variant.each(variants, VariantResult::oneTask));
        row(md, "regional-endorsement, declined (" + settings.endorsementInstances() + " instances)",
                Variant.each(variants, VariantResult::regionalEndorsement));

        if (quorumThree(variants)) {
            md.append("\n| CPU per instance (ms: the variant's JVM plus PostgreSQL, the broker's process apart; median "
                    + "of rounds) "
                    + "| Camunda defaults | events off | events on | off / on | defaults / on |\n");
            md.append("|---|---:|---:|---:|---:|---:|\n");
            cpuRow(md, "bench-one-task",
                    Variant.each(variants, VariantResult::oneTaskMedianCpuMsPerInstance));
            cpuRow(md, "regional-endorsement, declined",
                    Variant.each(variants, VariantResult::regionalEndorsementMedianCpuMsPerInstance));
            md.append("\nThe broker's own process, one-task model, ms per instance: ");
            variants.forEach((variant, figures) -> {
                if (variant.quorum()) {
                    md.append(variant.name()).append(' ').append(fmt(figures.oneTaskMedianBrokerCpuMsPerInstance()))
                            .append("; ");
                }
            });
            md.append("\n\nThe machine is CPU-bound, so the CPU ratios are what the throughput ratios come to when "
                    + "nothing else competes for it.\n");
        }
        md.append("\nEach round (instances/s; each round's variants ran back to back, in the order asked for in odd "
                + "rounds and the reverse in even ones):\n\n");
        roundsLine(md, "oneTask", variants, RoundResult::oneTask);
        roundsLine(md, "regionalEndorsement", variants, RoundResult::regionalEndorsement);
        ratioSpread(md, run);
        md.append("\n| Measure | Value | Target |\n|---|---|---|\n");
        VariantResult eventsOn = variants.get(Variant.QUORUM_EVENTS_ON);
        if (eventsOn != null) {
            steadyStateRows(md, eventsOn);
        }
        startRows(md, run);
        HistoryTables.append(md, run.history());
        return md.toString();
    }

    /** Issue 17's headline: Quorum with events on against the engines a user would run instead, one-task model. */
    private static void peerRows(StringBuilder md, BenchmarkResult run) {
        Map<Variant, VariantResult> variants = run.variants();
        VariantResult on = variants.get(Variant.QUORUM_EVENTS_ON);
        VariantResult camunda = variants.get(Variant.BARE_CAMUNDA);
        VariantResult flowable = variants.get(Variant.BARE_FLOWABLE);
        if (on == null || (camunda == null && flowable == null)) {
            return;
        }
        md.append("| bench-one-task (").append(run.settings().instances()).append(" instances, median of ")
                .append(run.settings().rounds()).append(" rounds; each variant in its own JVM) "
                + "| bare Camunda 7.24 | bare Flowable 7.1 | Quorum, events on | on / Camunda | on / Flowable |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        peerRow(md, "Throughput (instances/s)", on, camunda, flowable, v -> v.oneTask().perSecond());
        peerRow(md, "CPU per instance (ms: the variant's JVM plus its PostgreSQL)", on, camunda, flowable,
                VariantResult::oneTaskMedianCpuMsPerInstance);
        double broker = on.oneTaskMedianBrokerCpuMsPerInstance();
        if (!Double.isNaN(broker)) {
            md.append("| Quorum's Kafka broker, its own process (ms per instance; the peers have none) | - | - | ")
                    .append(fmt(broker)).append(" | - | - |\n");
            peerRow(md, "CPU per instance with the broker's (ms)", on, camunda, flowable,
                    v -> v.oneTaskMedianCpuMsPerInstance() + (v == on ? broker : 0));
        }
        md.append("\nTargets (issue 17): throughput on / Camunda >= 0.87 and on / Flowable >= 1.0; CPU per instance "
                + "on / Camunda <= 1.15. Quorum's broker runs in a process of its own, metered apart, as PostgreSQL "
                + "is; the first CPU row leaves it out, the last one adds it.\n\n");
    }

    private static void peerRow(StringBuilder md, String label, VariantResult on, VariantResult camunda,
                                VariantResult flowable, ToDoubleFunction<VariantResult> figure) {
        double quorum = figure.applyAsDouble(on);
        md.append("| ").append(label).append(" | ").append(peerFigure(camunda, figure)).append(" | ")
                .append(peerFigure(flowable, figure)).append(" | ").append(fmt(quorum)).append(" | ")
                .append(peerRatio(quorum, camunda, figure)).append(" | ").append(peerRatio(quorum, flowable, figure))
                .append(" |\n");
    }

    private static String peerFigure(VariantResult peer, ToDoubleFunction<VariantResult> figure) {
        return peer == null ? "-" : fmt(figure.applyAsDouble(peer));
    }

    private static String peerRatio(double quorum, VariantResult peer, ToDoubleFunction<VariantResult> figure) {
        return peer == null ? "-" : fmt(quorum / figure.applyAsDouble(peer));
    }

    private static boolean quorumThree(Map<Variant, ?> variants) {
        return variants.keySet().containsAll(List.of(Variant.CAMUNDA_DEFAULTS, Variant.QUORUM_EVENTS_OFF,
                Variant.QUORUM_EVENTS_ON));
    }

    /** What the events-on variant measured after its rounds. */
    private static void steadyStateRows(StringBuilder md, VariantResult eventsOn) {
        latencyRows(md, eventsOn.commitToConsumeLatency());
        OutboxDrain.Result drain = eventsOn.outboxDrain();
        md.append("| Outbox drain after a broker outage | ").append(drain.backlog()).append(" events in ")
                .append(fmt(drain.drainSeconds())).append(" s = **").append(fmt(drain.eventsPerSecond()))
                .append(" events/s** (broker restart ").append(fmt(drain.brokerStartSeconds()))
                .append(" s not counted)").append(drain.remaining() > 0 ? ", " + drain.remaining()
                        + " left unsent" : "").append(" | >= 20,000 events/s (issue 17) |\n");
        Machine.Memory memory = eventsOn.memoryAtSteadyState();
        md.append("| Memory at steady state (events on; one JVM: application, in-process broker, benchmark) | heap ")
                .append(memory.heapUsedMiB()).append(" MiB used (").append(memory.heapUsedAfterGcMiB())
                .append(" MiB after GC), RSS ").append(memory.rssMiB()).append(" MiB | - |\n");
    }

    private static void startRows(StringBuilder md, BenchmarkResult run) {
        md.append("| Start of the application in its own JVM on an empty data folder (round 1, per variant) | ");
        run.variants().forEach((variant, figures) -> md.append(variant.name()).append(' ')
                .append(figures.contextStartSeconds()).append(" s; "));
        md.append(" | - |\n");
        if (run.startup() instanceof StartupTime.Result startup) {
            md.append("| Startup, fresh JVM (`java -cp ... QuorumApplication`, demo profile) | first start: 'Started' ")
                    .append(fmt(startup.first().startedSeconds())).append(" s, health answers ")
                    .append(fmt(startup.first().readySeconds())).append(" s; later start: ")
                    .append(fmt(startup.later().startedSeconds())).append(" s / ")
                    .append(fmt(startup.later().readySeconds())).append(" s; RSS then ")
                    .append(startup.later().rssMiB()).append(" MiB | README: ~20 s first, ~12 s later |\n");
        }
    }

    /** Each ratio of the medians with the same ratio in each round, so that its spread shows. */
    private static void ratioSpread(StringBuilder md, BenchmarkResult run) {
        if (run.ratios() == null || run.ratiosPerRound() == null) {
            return;
        }
        md.append("\nEach ratio, of the medians (and of each round's figures, round by round):\n\n");
        List<Ratios> rounds = run.ratiosPerRound().stream().map(Ratios.PerRound::ratios).toList();
        spreadLine(md, "one-task, events on / off", run.ratios(), rounds, r -> r.oneTask() == null ? null
                : r.oneTask().eventsOnOverEventsOff());
        spreadLine(md, "endorsement, events on / off", run.ratios(), rounds, r -> r.regionalEndorsement() == null
                ? null : r.regionalEndorsement().eventsOnOverEventsOff());
        spreadLine(md, "throughput, events on / bare Camunda", run.ratios(), rounds,
                r -> r.eventsOnOverBareCamunda() == null ? null : r.eventsOnOverBareCamunda().throughput());
        spreadLine(md, "CPU per instance, events on / bare Camunda", run.ratios(), rounds,
                r -> r.eventsOnOverBareCamunda() == null ? null : r.eventsOnOverBareCamunda().cpuPerInstance());
        spreadLine(md, "throughput, events on / bare Flowable", run.ratios(), rounds,
                r -> r.eventsOnOverBareFlowable() == null ? null : r.eventsOnOverBareFlowable().throughput());
        spreadLine(md, "CPU per instance, events on / bare Flowable", run.ratios(), rounds,
                r -> r.eventsOnOverBareFlowable() == null ? null : r.eventsOnOverBareFlowable().cpuPerInstance());
    }

    private static void spreadLine(StringBuilder md, String label, Ratios medians, List<Ratios> rounds,
                                   Function<Ratios, Double> ratio) {
        Double median = ratio.apply(medians);
        if (median == null) {
            return;
        }
        md.append("- ").append(label).append(": ").append(fmt(median)).append(" (");
        md.append(String.join(" / ", rounds.stream().map(ratio).map(r -> r == null ? "-" : fmt(r)).toList()));
        md.append(")\n");
    }

    /** One model's throughput in every round of every variant, rounded as the JSON has it. */
    private static void roundsLine(StringBuilder md, String model, Map<Variant, VariantResult> variants,
                                   Function<RoundResult, Throughput> figure) {
        md.append("- ").append(model).append(": ");
        variants.forEach((variant, figures) -> {
            if (figure.apply(figures.rounds().get(0)) == null) {
                return;
            }
            md.append(variant.name()).append(' ');
            for (RoundResult round : figures.rounds()) {
                md.append(Report.round(figure.apply(round).perSecond())).append(" / ");
            }
            md.setLength(md.length() - 3);
            md.append("; ");
        });
        md.setLength(md.length() - 2);
        md.append('\n');
    }

    private static void latencyRows(StringBuilder md, CommitToConsumeLatency.Result latency) {
        Percentiles l = latency.latency();
        md.append("| Commit-to-consume latency at ").append(fmt(latency.offeredPerSecond()))
                .append(" instances/s (half of the events-on maximum), ").append(l.count())
                .append(" transactions | p50 ").append(fmt(l.p50())).append(" ms, p95 ").append(fmt(l.p95()))
                .append(" ms, p99 ").append(fmt(l.p99())).append(" ms, max ").append(fmt(l.max()))
                .append(" ms").append(latency.missing() > 0 ? ", " + latency.missing() + " missing" : "")
                .append(" | p99 <= 25 ms (issue 17) |\n");
        md.append("| of which commit to the relay's send / send to the consumer's receipt (wall clock, whole ms) | ")
                .append(split(latency.commitToSend())).append(" / ").append(split(latency.sendToReceive()))
                .append(" | - |\n");
    }

    private static void row(StringBuilder md, String label, Map<Variant, Throughput> figures) {
        if (!quorumThree(figures)) {
            md.append("| ").append(label).append(" | ");
            figures.forEach((variant, t) -> {
                if (t != null) {
                    md.append(variant).append(' ').append(fmt(t.perSecond())).append("; ");
                }
            });
            md.append(" |\n");
            return;
        }
        double defaults = figures.get(Variant.CAMUNDA_DEFAULTS).perSecond();
        double off = figures.get(Variant.QUORUM_EVENTS_OFF).perSecond();
        double on = figures.get(Variant.QUORUM_EVENTS_ON).perSecond();
        md.append("| ").append(label).append(" | ").append(fmt(defaults)).append(" | ").append(fmt(off))
                .append(" | ").append(fmt(on)).append(" | ").append(fmt(on / off)).append(" | ")
                .append(fmt(on / defaults)).append(" |\n");
    }

    private static void cpuRow(StringBuilder md, String label, Map<Variant, Double> figures) {
        double defaults = figures.get(Variant.CAMUNDA_DEFAULTS);
        double off = figures.get(Variant.QUORUM_EVENTS_OFF);
        double on = figures.get(Variant.QUORUM_EVENTS_ON);
        md.append("| ").append(label).append(" | ").append(fmt(defaults)).append(" | ").append(fmt(off))
                .append(" | ").append(fmt(on)).append(" | ").append(fmt(off / on)).append(" | ")
                .append(fmt(defaults / on)).append(" |\n");
    }

    private static String split(Percentiles p) {
        return "p50 " + fmt(p.p50()) + ", p99 " + fmt(p.p99()) + ", max " + fmt(p.max()) + " ms";
    }
}
