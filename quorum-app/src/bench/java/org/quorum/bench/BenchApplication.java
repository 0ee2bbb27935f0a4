package org.quorum.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.quorum.bench.driver.CamundaSettings;
import org.quorum.bench.driver.PostgresSettings;
import org.quorum.bench.driver.ProcessCpu;
import org.quorum.bench.driver.RelayCatchUp;
import org.quorum.support.StandaloneQuorum;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Quorum started in the calling JVM (demo profile, embedded PostgreSQL and broker) with one variant's settings:
 * a round's own JVM ({@link QuorumRound}), or the benchmark's for the measures taken after the rounds.
 */
final class BenchApplication implements AutoCloseable {

    private static final String UNSENT = "select count(*) from quorum_event_pending";

    private final ConfigurableApplicationContext context;

    private BenchApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** On the variant's data folder under {@code work}. */
    static BenchApplication start(Path work, Variant variant, Settings settings) {
        return start(work.resolve(variant.name()), variant, settings.fsync(), settings.appProperties());
    }

    static BenchApplication start(Path dataDir, Variant variant, boolean fsync, List<String> appProperties) {
        List<String> properties = new ArrayList<>(variant.properties());
        properties.add("quorum.embedded.postgres.fsync=" + fsync);
        properties.addAll(appProperties);
        return new BenchApplication(StandaloneQuorum.startDemo(dataDir, properties.toArray(String[]::new)));
    }

    /**
     * Compiles the hot paths of the benchmark's own JVM before the measures taken in it after the rounds (the
     * rounds ran in JVMs of their own). Runs the application with events on (every code path) and throws its
     * figures away.
     */
    static void warmUpJvm(Settings settings, Path dataDir) throws Exception {
        Progress.log("JVM warm-up (not measured)");
        try (BenchApplication app = new BenchApplication(StandaloneQuorum.startDemo(dataDir,
                "quorum.embedded.postgres.fsync=" + settings.fsync()))) {
            app.deployBenchModel();
            Officers officers = new Officers(app.engine(), settings.officers());
            officers.drive(Model.ONE_TASK, "jvm-warmup", settings.warmup() * 2);
            officers.drive(Model.ENDORSEMENT_DECLINED, "jvm-warmup", settings.warmup() / 2);
        }
    }

    ProcessEngine engine() {
        return context.getBean(ProcessEngine.class);
    }

    /** The port the application listens on (the benchmark starts it on a free one). */
    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    void deployBenchModel() {
        engine().getRepositoryService().createDeployment().name("bench")
                .addClasspathResource("bench/bench-one-task.bpmn").enableDuplicateFiltering(true).deploy();
    }

    PostgresSettings postgres() {
        return new PostgresSettings(jdbc().queryForObject("show fsync", String.class),
                jdbc().queryForObject("show synchronous_commit", String.class));
    }

    /** What the engine actually ran with, read back from it rather than from the properties asked for. */
    Map<String, Object> engineSettings() {
        Map<String, Object> settings = new LinkedHashMap<>(CamundaSettings.of(engine()));
        settings.put("hikariMaximumPoolSize", context.getEnvironment().getProperty(
                "spring.datasource.hikari.maximum-pool-size", "10 (Spring Boot default)"));
        return settings;
    }

    /** The CPU meter of this JVM, the application's PostgreSQL and, apart, its broker's process (0: none). */
    ProcessCpu cpu(long brokerPid) {
        return new ProcessCpu(Path.of(jdbc().queryForObject("show data_directory", String.class)), brokerPid);
    }

    /** Waits (two minutes at most) until the relay has sent everything the outbox holds. */
    RelayCatchUp awaitRelay() throws InterruptedException {
        long atEnd = unsent();
        long started = System.nanoTime();
        while (unsent() > 0 && System.nanoTime() - started < 120e9) {
            Thread.sleep(50);
        }
        return new RelayCatchUp(atEnd, (System.nanoTime() - started) / 1e9);
    }

    private long unsent() {
        return jdbc().queryForObject(UNSENT, Long.class);
    }

    @Override
    public void close() {
        context.close();
    }

}
