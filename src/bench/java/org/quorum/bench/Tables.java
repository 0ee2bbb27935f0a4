package org.quorum.bench;

import static org.quorum.bench.Report.fmt;

import java.util.Map;

/** The Markdown summary of a run: absolute figures with the ratios beside them, and the targets of issue 7. */
final class Tables {

    private Tables() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> run, Settings settings,
                           Map<Variant, Officers.Throughput> oneTask, Map<Variant, Officers.Throughput> endorsement,
                           CommitToConsumeLatency.Result latency, OutboxDrain.Result drain,
                           Map<String, Object> memory, StartupTime.Result startup) {
        Map<String, Object> machine = (Map<String, Object>) run.get("machine");
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(run.get("startedAt")).append(": ").append(machine.get("availableProcessors"))
                .append(" CPUs (").append(machine.get("cpuModel")).append("), ").append(machine.get("memTotal"))
                .append(", ").append(machine.get("java")).append("; PostgreSQL fsync and synchronous_commit ")
                .append(settings.fsync() ? "on" : "OFF").append("; load average at start ")
                .append(run.get("loadAverageAtStart")).append(", at end ").append(run.get("loadAverageAtEnd"))
                .append("; ").append(settings.officers()).append(" officers.\n\n");

        md.append("| Throughput (instances/s, median of ").append(settings.rounds())
                .append(" rounds) | Camunda defaults, no events | Quorum, events off | Quorum, events on "
                + "| on / off (target >= 0.90) | on / Camunda defaults (target >= 1.25) |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        row(md, "bench-one-task (" + settings.instances() + " instances)", oneTask);
        row(md, "regional-endorsement, declined (" + settings.endorsementInstances() + " instances)", endorsement);

        if (byVariantHasAll(run)) {
            md.append("\n| CPU per instance (ms: this JVM with the broker, plus PostgreSQL; median of rounds) "
                    + "| Camunda defaults | events off | events on | off / on | defaults / on |\n");
            md.append("|---|---:|---:|---:|---:|---:|\n");
            cpuRow(md, "bench-one-task", run, "oneTaskMedianCpuMsPerInstance");
            cpuRow(md, "regional-endorsement, declined", run, "regionalEndorsementMedianCpuMsPerInstance");
            md.append("\nThe machine is CPU-bound, so the CPU ratios are what the throughput ratios come to when "
                    + "nothing else competes for it.\n");
        }
        md.append("\nEach round, in the order run (instances/s; each round's variants ran back to back):\n\n");
        Map<String, Map<String, Object>> byVariant = (Map<String, Map<String, Object>>) run.get("variants");
        for (String model : new String[] {"oneTask", "regionalEndorsement"}) {
            md.append("- ").append(model).append(": ");
            byVariant.forEach((name, figures) -> {
                md.append(name).append(' ');
                for (Map<String, Object> round : (Iterable<Map<String, Object>>) figures.get("rounds")) {
                    md.append(((Map<String, Object>) round.get(model)).get("instancesPerSecond")).append(" / ");
                }
                md.setLength(md.length() - 3);
                md.append("; ");
            });
            md.setLength(md.length() - 2);
            md.append('\n');
        }
        md.append("\n| Measure | Value | Target |\n|---|---|---|\n");
        if (latency != null) {
            Percentiles l = latency.latency();
            md.append("| Commit-to-consume latency at ").append(fmt(latency.offeredPerSecond()))
                    .append(" instances/s (half of the events-on maximum), ").append(l.count())
                    .append(" transactions | p50 ").append(fmt(l.p50())).append(" ms, p95 ").append(fmt(l.p95()))
                    .append(" ms, p99 ").append(fmt(l.p99())).append(" ms, max ").append(fmt(l.max()))
                    .append(" ms").append(latency.missing() > 0 ? ", " + latency.missing() + " missing" : "")
                    .append(" | p99 <= 50 ms |\n");
            md.append("| of which commit to the relay's send / send to the consumer's receipt (wall clock, whole ms) | ")
                    .append(split(latency.commitToSend())).append(" / ").append(split(latency.sendToReceive()))
                    .append(" | - |\n");
        }
        if (drain != null) {
            md.append("| Outbox drain after a broker outage | ").append(drain.backlog()).append(" events in ")
                    .append(fmt(drain.drainSeconds())).append(" s = **").append(fmt(drain.eventsPerSecond()))
                    .append(" events/s** (broker restart ").append(fmt(drain.brokerStartSeconds()))
                    .append(" s not counted)").append(drain.remaining() > 0 ? ", " + drain.remaining()
                            + " left unsent" : "").append(" | >= 10,000 events/s |\n");
        }
        if (memory != null) {
            md.append("| Memory at steady state (events on; one JVM: application, broker, benchmark) | heap ")
                    .append(memory.get("heapUsedMiB")).append(" MiB used (").append(memory.get("heapUsedAfterGcMiB"))
                    .append(" MiB after GC), RSS ").append(memory.get("rssMiB")).append(" MiB | - |\n");
        }
        Map<String, Map<String, Object>> variants = (Map<String, Map<String, Object>>) run.get("variants");
        md.append("| In-process start of the application on an empty data folder (per variant) | ");
        variants.forEach((name, figures) -> md.append(name).append(' ').append(figures.get("contextStartSeconds"))
                .append(" s; "));
        md.append(" | - |\n");
        if (startup != null) {
            md.append("| Startup, fresh JVM (`java -cp ... QuorumApplication`, demo profile) | first start: 'Started' ")
                    .append(fmt(startup.first().startedSeconds())).append(" s, health answers ")
                    .append(fmt(startup.first().readySeconds())).append(" s; later start: ")
                    .append(fmt(startup.later().startedSeconds())).append(" s / ")
                    .append(fmt(startup.later().readySeconds())).append(" s; RSS then ")
                    .append(startup.later().rssMiB()).append(" MiB | README: ~20 s first, ~12 s later |\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String label, Map<Variant, Officers.Throughput> figures) {
        if (figures.size() < Variant.values().length) {
            md.append("| ").append(label).append(" | ");
            figures.forEach((variant, t) -> md.append(variant).append(' ').append(fmt(t.perSecond())).append("; "));
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

    @SuppressWarnings("unchecked")
    private static boolean byVariantHasAll(Map<String, Object> run) {
        return ((Map<String, Object>) run.get("variants")).size() == Variant.values().length;
    }

    @SuppressWarnings("unchecked")
    private static void cpuRow(StringBuilder md, String label, Map<String, Object> run, String field) {
        Map<String, Map<String, Object>> variants = (Map<String, Map<String, Object>>) run.get("variants");
        double defaults = ((Number) variants.get(Variant.CAMUNDA_DEFAULTS.name()).get(field)).doubleValue();
        double off = ((Number) variants.get(Variant.QUORUM_EVENTS_OFF.name()).get(field)).doubleValue();
        double on = ((Number) variants.get(Variant.QUORUM_EVENTS_ON.name()).get(field)).doubleValue();
        md.append("| ").append(label).append(" | ").append(fmt(defaults)).append(" | ").append(fmt(off))
                .append(" | ").append(fmt(on)).append(" | ").append(fmt(off / on)).append(" | ")
                .append(fmt(defaults / on)).append(" |\n");
    }

    private static String split(Percentiles p) {
        return "p50 " + fmt(p.p50()) + ", p99 " + fmt(p.p99()) + ", max " + fmt(p.max()) + " ms";
    }
}
