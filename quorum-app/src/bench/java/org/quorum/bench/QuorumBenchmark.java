package org.quorum.bench;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Issues 7 and 17: throughput and CPU per instance of Camunda defaults, Quorum with events off and on, and the
 * bare Camunda and Flowable starters, each in its own JVM on the same embedded PostgreSQL settings, measured in
 * one run; then, in this JVM, commit-to-consume latency, outbox drain rate and memory of Quorum with events on,
 * and startup time; with {@code -Dbench.history=true}, the history stage ({@link HistoryStage}) too. Run by
 * {@code mvn -B -ntp -Pbench verify}; see docs/performance.md.
 */
public final class QuorumBenchmark {

    private static final Path RESULTS = Path.of("bench", "results");
    private static final Path WORK = Path.of("target", "bench-data");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private QuorumBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkResult.Start start = BenchmarkResult.Start.now(Settings.fromSystemProperties());
        Settings settings = start.settings();
        String stamp = STAMP.format(start.at());
        Path work = WORK.resolve(stamp).toAbsolutePath();

        StartupTime.Outcome startup = settings.startup() ? StartupTime.measure(work.resolve("startup"),
                settings.fsync()) : null;
        Map<Variant, VariantResult> variants = new ThroughputRounds(settings, work).measure();
        VariantResult eventsOn = variants.get(Variant.QUORUM_EVENTS_ON);
        if (eventsOn != null) {
            BenchApplication.warmUpJvm(settings, work.resolve("jvm-warmup"));
            EventsOnMeasures.Result steady = new EventsOnMeasures(settings, work)
                    .measure(eventsOn.oneTask().perSecond());
            variants.put(Variant.QUORUM_EVENTS_ON, eventsOn.withSteadyState(steady));
        }
        HistoryStage.Result history = settings.history()
                ? new HistoryStage(settings, work).measure() : null;
        BenchmarkResult run = BenchmarkResult.finish(start, startup, variants, history);

        String markdown = Tables.markdown(run);
        Path json = Report.writeJson(RESULTS, stamp, run);
        Report.writeMarkdown(RESULTS, stamp, markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Results: " + json);
        System.exit(0);
    }
}
