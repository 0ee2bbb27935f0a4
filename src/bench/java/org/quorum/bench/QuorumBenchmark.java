package org.quorum.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.quorum.events.EventsProperties;
import org.quorum.infrastructure.embedded.EmbeddedKafkaBroker;
import org.quorum.support.StandaloneQuorum;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7: throughput of Camunda defaults, Quorum with events off and Quorum with events on, measured in one
 * run on the same embedded PostgreSQL and Kafka as the product, with commit-to-consume latency, outbox drain
 * rate, memory and startup time. Run by {@code mvn -B -ntp -Pbench verify}; see docs/performance.md.
 */
public final class QuorumBenchmark {

    private static final Path RESULTS = Path.of("bench", "results");
    private static final Path WORK = Path.of("target", "bench-data");
    private static final String STAMP_FORMAT = "yyyyMMdd'T'HHmmss'Z'";

    private QuorumBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Instant began = Instant.now();
        String stamp = DateTimeFormatter.ofPattern(STAMP_FORMAT).withZone(ZoneOffset.UTC).format(began);
        Path work = WORK.resolve(stamp).toAbsolutePath();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", began.toString());
        run.put("loadAverageAtStart", Machine.loadAverage());
        run.put("machine", Machine.describe());
        run.put("settings", settings);

        StartupTime.Result startup = null;
        if (settings.startup()) {
            log("Startup: fresh JVMs running QuorumApplication (demo profile, embedded services)");
            try {
                startup = StartupTime.measure(work.resolve("startup"), settings.fsync());
                run.put("startup", startup);
            } catch (RuntimeException e) {
                run.put("startup", Map.of("error", e.getMessage()));
                log("  Startup not measured: " + e.getMessage());
            }
        }

        warmUpJvm(settings, work.resolve("jvm-warmup"));

        // Rounds: every variant once per round, in the same order, so that a slow minute of a shared machine hits
        // all variants alike instead of one; each variant's figure is the median of its rounds.
        Map<Variant, Map<String, Object>> variants = new EnumMap<>(Variant.class);
        Map<Variant, List<Officers.Throughput>> oneTaskRounds = new EnumMap<>(Variant.class);
        Map<Variant, List<Officers.Throughput>> endorsementRounds = new EnumMap<>(Variant.class);
        for (int round = 1; round <= settings.rounds(); round++) {
            for (Variant variant : settings.variants()) {
                Map<String, Object> figures = variants.computeIfAbsent(variant, v -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("label", v.label());
                    f.put("properties", v.properties());
                    f.put("rounds", new ArrayList<Map<String, Object>>());
                    return f;
                });
                Map<String, Object> thisRound = new LinkedHashMap<>();
                thisRound.put("round", round);
                thisRound.put("loadAverageAtStart", Machine.loadAverage());
                log("Round " + round + " of " + settings.rounds() + ", " + variant.label()
                        + ": starting the application");
                long starting = System.nanoTime();
                try (ConfigurableApplicationContext app = start(work, variant, settings)) {
                    double startSeconds = Report.round((System.nanoTime() - starting) / 1e9);
                    thisRound.put("contextStartSeconds", startSeconds);
                    ProcessEngine engine = app.getBean(ProcessEngine.class);
                    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                    if (round == 1) {
                        figures.put("contextStartSeconds", startSeconds);
                        figures.put("postgres", Map.of(
                                "fsync", jdbc.queryForObject("show fsync", String.class),
                                "synchronous_commit", jdbc.queryForObject("show synchronous_commit", String.class)));
                        figures.put("engine", engineSettings(engine, app));
                    }
                    deployBenchModel(engine);
                    Officers officers = new Officers(engine, settings.officers(), new CpuMeter(jdbc));

                    Officers.Throughput one = officers.measure(Model.ONE_TASK, "one-task-" + round,
                            settings.warmup(), settings.instances());
                    oneTaskRounds.computeIfAbsent(variant, v -> new ArrayList<>()).add(one);
                    thisRound.put("oneTask", throughputJson(one));
                    Officers.Throughput endorsed = officers.measure(Model.ENDORSEMENT_DECLINED,
                            "endorsement-" + round, Math.max(1, settings.warmup() / 3),
                            settings.endorsementInstances());
                    endorsementRounds.computeIfAbsent(variant, v -> new ArrayList<>()).add(endorsed);
                    thisRound.put("regionalEndorsement", throughputJson(endorsed));
                    log("  -> " + Model.ONE_TASK.processKey() + " " + Report.fmt(one.perSecond()) + ", "
                            + Model.ENDORSEMENT_DECLINED.processKey() + " " + Report.fmt(endorsed.perSecond())
                            + " instances/s; CPU " + Report.fmt(one.cpuMsPerInstance()) + " and "
                            + Report.fmt(endorsed.cpuMsPerInstance()) + " ms per instance (PostgreSQL "
                            + Report.fmt(one.postgresCpuMsPerInstance()) + " and "
                            + Report.fmt(endorsed.postgresCpuMsPerInstance()) + ")");
                    if (variant == Variant.QUORUM_EVENTS_ON) {
                        thisRound.put("relayAfterThroughput", awaitRelay(jdbc));
                    }
                    thisRound.put("loadAverageAtEnd", Machine.loadAverage());
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> rounds = (List<Map<String, Object>>) figures.get("rounds");
                rounds.add(thisRound);
            }
        }
        Map<Variant, Officers.Throughput> oneTask = new EnumMap<>(Variant.class);
        Map<Variant, Officers.Throughput> endorsement = new EnumMap<>(Variant.class);
        oneTaskRounds.forEach((variant, rounds) -> oneTask.put(variant, median(rounds)));
        endorsementRounds.forEach((variant, rounds) -> endorsement.put(variant, median(rounds)));
        variants.forEach((variant, figures) -> {
            figures.put("oneTask", throughputJson(oneTask.get(variant)));
            figures.put("regionalEndorsement", throughputJson(endorsement.get(variant)));
            figures.put("oneTaskMedianCpuMsPerInstance", Report.round(medianCpu(oneTaskRounds.get(variant))));
            figures.put("regionalEndorsementMedianCpuMsPerInstance",
                    Report.round(medianCpu(endorsementRounds.get(variant))));
        });

        CommitToConsumeLatency.Result latency = null;
        OutboxDrain.Result drain = null;
        Map<String, Object> memory = null;
        if (oneTask.containsKey(Variant.QUORUM_EVENTS_ON)) {
            Map<String, Object> figures = variants.get(Variant.QUORUM_EVENTS_ON);
            log("Events on: memory, commit-to-consume latency and outbox drain");
            EmbeddedKafkaBroker restartedBroker = null;
            try (ConfigurableApplicationContext app = start(work, Variant.QUORUM_EVENTS_ON, settings)) {
                ProcessEngine engine = app.getBean(ProcessEngine.class);
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                // The caches of a fresh start are cold: one warm-up's worth of instances first.
                new Officers(engine, settings.officers()).drive(Model.ONE_TASK, "steady", settings.warmup());
                awaitRelay(jdbc);
                memory = Machine.memory();
                figures.put("memoryAtSteadyState", memory);

                EmbeddedKafkaBroker broker = app.getBean(EmbeddedKafkaBroker.class);
                String topic = app.getBean(EventsProperties.class).topics().process();
                double rate = oneTask.get(Variant.QUORUM_EVENTS_ON).perSecond() / 2;
                log("  Commit-to-consume latency at " + Report.fmt(rate) + " instances/s for "
                        + settings.latencySeconds() + " s");
                latency = new CommitToConsumeLatency(engine, broker.bootstrapServers(), topic,
                        settings.officers()).measure(rate, settings.latencySeconds());
                figures.put("commitToConsumeLatency", latencyJson(latency));
                log("  -> " + latency.latency() + "; commit to send " + latency.commitToSend()
                        + "; send to receipt " + latency.sendToReceive());
                latency.slowest().forEach(sample -> log("     " + sample));

                log("  Outbox drain: stopping the broker, writing " + settings.backlog() + " events");
                drain = new OutboxDrain(engine, jdbc, broker, settings.officers()).measure(settings.backlog());
                restartedBroker = drain.restarted();
                figures.put("outboxDrain", drainJson(drain));
                log("  -> " + drain.backlog() + " events in " + Report.fmt(drain.drainSeconds()) + " s = "
                        + Report.fmt(drain.eventsPerSecond()) + " events/s");
            } finally {
                if (restartedBroker != null) {
                    restartedBroker.close();
                }
            }
        }
        Map<String, Object> byName = new LinkedHashMap<>();
        variants.forEach((variant, figures) -> byName.put(variant.name(), figures));
        run.put("variants", byName);
        if (oneTask.size() == Variant.values().length) {
            run.put("ratios", ratios(oneTask, endorsement));
            run.put("ratiosPerRound", ratiosPerRound(oneTaskRounds, endorsementRounds, settings.rounds()));
        }
        run.put("finishedAt", Instant.now().toString());
        run.put("loadAverageAtEnd", Machine.loadAverage());

        String markdown = Tables.markdown(run, settings, oneTask, endorsement, latency, drain, memory, startup);
        Path json = Report.writeJson(RESULTS, stamp, run);
        Report.writeMarkdown(RESULTS, stamp, markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Results: " + json);
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(Path work, Variant variant, Settings settings) {
        List<String> properties = new ArrayList<>(variant.properties());
        properties.add("quorum.embedded.postgres.fsync=" + settings.fsync());
        properties.addAll(settings.appProperties());
        return StandaloneQuorum.startDemo(work.resolve(variant.name()), properties.toArray(String[]::new));
    }

    /** The round with the median throughput (the lower middle one for an even number of rounds). */
    static Officers.Throughput median(List<Officers.Throughput> rounds) {
        List<Officers.Throughput> sorted = new ArrayList<>(rounds);
        sorted.sort(java.util.Comparator.comparingDouble(Officers.Throughput::perSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The median of the rounds' CPU per instance (independently of which round had the median throughput). */
    static double medianCpu(List<Officers.Throughput> rounds) {
        double[] sorted = rounds.stream().mapToDouble(Officers.Throughput::cpuMsPerInstance).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Each round's ratios: its variants ran back to back, so they saw much the same machine. */
    private static List<Map<String, Object>> ratiosPerRound(Map<Variant, List<Officers.Throughput>> oneTask,
                                                           Map<Variant, List<Officers.Throughput>> endorsement,
                                                           int rounds) {
        List<Map<String, Object>> perRound = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            int round = r;
            Map<Variant, Officers.Throughput> one = new EnumMap<>(Variant.class);
            Map<Variant, Officers.Throughput> endorsed = new EnumMap<>(Variant.class);
            oneTask.forEach((variant, list) -> one.put(variant, list.get(round)));
            endorsement.forEach((variant, list) -> endorsed.put(variant, list.get(round)));
            Map<String, Object> ratios = ratios(one, endorsed);
            ratios.put("round", round + 1);
            perRound.add(ratios);
        }
        return perRound;
    }

    /**
     * Compiles the hot paths before anything is measured: without it the first variant ran on a colder JIT than
     * the others. Runs the application with events on (every code path) and throws its figures away.
     */
    private static void warmUpJvm(Settings settings, Path dataDir) throws Exception {
        log("JVM warm-up (not measured)");
        try (ConfigurableApplicationContext app = StandaloneQuorum.startDemo(dataDir,
                "quorum.embedded.postgres.fsync=" + settings.fsync())) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            deployBenchModel(engine);
            Officers officers = new Officers(engine, settings.officers());
            officers.drive(Model.ONE_TASK, "jvm-warmup", settings.warmup() * 2);
            officers.drive(Model.ENDORSEMENT_DECLINED, "jvm-warmup", settings.warmup() / 2);
        }
    }

    private static void deployBenchModel(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().name("bench")
                .addClasspathResource("bench/bench-one-task.bpmn").enableDuplicateFiltering(true).deploy();
    }

    /** What the engine actually ran with, read back from it rather than from the properties asked for. */
    private static Map<String, Object> engineSettings(ProcessEngine engine, ConfigurableApplicationContext app) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("historyLevel", configuration.getHistoryLevel().getName());
        settings.put("idGenerator", configuration.getIdGenerator().getClass().getSimpleName());
        settings.put("jdbcBatchProcessing", configuration.isJdbcBatchProcessing());
        settings.put("authorizationEnabled", configuration.isAuthorizationEnabled());
        settings.put("jobExecutorActive", configuration.getJobExecutor().isActive());
        settings.put("jobExecutorMaxJobsPerAcquisition", configuration.getJobExecutor().getMaxJobsPerAcquisition());
        settings.put("hikariMaximumPoolSize", app.getEnvironment().getProperty(
                "spring.datasource.hikari.maximum-pool-size", "10 (Spring Boot default)"));
        return settings;
    }

    private static Map<String, Object> awaitRelay(JdbcTemplate jdbc) throws InterruptedException {
        String unsent = "select count(*) from quorum_event_outbox where sent_at is null";
        long atEnd = jdbc.queryForObject(unsent, Long.class);
        long started = System.nanoTime();
        while (jdbc.queryForObject(unsent, Long.class) > 0 && System.nanoTime() - started < 120e9) {
            Thread.sleep(50);
        }
        return Map.of("unsentAtEndOfWindow", atEnd,
                "secondsToEmpty", Report.round((System.nanoTime() - started) / 1e9));
    }

    private static Map<String, Object> ratios(Map<Variant, Officers.Throughput> oneTask,
                                              Map<Variant, Officers.Throughput> endorsement) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("oneTask", ratiosOf(oneTask));
        ratios.put("regionalEndorsement", ratiosOf(endorsement));
        return ratios;
    }

    static Map<String, Object> ratiosOf(Map<Variant, Officers.Throughput> figures) {
        double defaults = figures.get(Variant.CAMUNDA_DEFAULTS).perSecond();
        double off = figures.get(Variant.QUORUM_EVENTS_OFF).perSecond();
        double on = figures.get(Variant.QUORUM_EVENTS_ON).perSecond();
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("eventsOnOverEventsOff", Report.round(on / off));
        ratios.put("eventsOnOverCamundaDefaults", Report.round(on / defaults));
        ratios.put("eventsOffOverCamundaDefaults", Report.round(off / defaults));
        return ratios;
    }

    private static Map<String, Object> throughputJson(Officers.Throughput t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("processKey", t.processKey());
        json.put("officers", t.officers());
        json.put("instances", t.instances());
        json.put("seconds", Report.round(t.seconds()));
        json.put("asyncTailSeconds", Report.round(t.asyncTailSeconds()));
        json.put("instancesPerSecond", Report.round(t.perSecond()));
        json.put("cpuMsPerInstance", Report.round(t.cpuMsPerInstance()));
        json.put("postgresCpuMsPerInstance", Report.round(t.postgresCpuMsPerInstance()));
        json.put("driveMsPerInstance", t.drive().toJson());
        return json;
    }

    private static Map<String, Object> latencyJson(CommitToConsumeLatency.Result l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("targetInstancesPerSecond", Report.round(l.targetPerSecond()));
        json.put("offeredInstancesPerSecond", Report.round(l.offeredPerSecond()));
        json.put("instances", l.instances());
        json.put("latency", l.latency().toJson());
        json.put("commitToSend", l.commitToSend().toJson());
        json.put("sendToReceive", l.sendToReceive().toJson());
        json.put("slowest", l.slowest());
        json.put("missing", l.missing());
        return json;
    }

    private static Map<String, Object> drainJson(OutboxDrain.Result d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("backlog", d.backlog());
        json.put("eventsPerInstance", d.eventsPerInstance());
        json.put("writtenPerSecondWhileKafkaAway", Report.round(d.writtenPerSecond()));
        json.put("brokerStartSeconds", Report.round(d.brokerStartSeconds()));
        json.put("drainSeconds", Report.round(d.drainSeconds()));
        json.put("sendingSeconds", Report.round(d.sendingSeconds()));
        json.put("eventsPerSecond", Report.round(d.eventsPerSecond()));
        json.put("remaining", d.remaining());
        return json;
    }

    static void log(String line) {
        System.out.println("[bench " + Instant.now() + "] " + line);
    }
}
