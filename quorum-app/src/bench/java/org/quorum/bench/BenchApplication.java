package org.quorum.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.quorum.support.StandaloneQuorum;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Quorum started in this JVM (demo profile, embedded PostgreSQL and broker) with one variant's settings. */
final class BenchApplication implements AutoCloseable {

    private static final String UNSENT = "select count(*) from quorum_event_outbox where sent_at is null";

    private final ConfigurableApplicationContext context;

    private BenchApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** On an empty data folder per variant under {@code work}; the bench model deployed. */
    static BenchApplication start(Path work, Variant variant, Settings settings) {
        List<String> properties = new ArrayList<>(variant.properties());
        properties.add("quorum.embedded.postgres.fsync=" + settings.fsync());
        properties.addAll(settings.appProperties());
        return new BenchApplication(
                StandaloneQuorum.startDemo(work.resolve(variant.name()), properties.toArray(String[]::new)));
    }

    /**
     * Compiles the hot paths before anything is measured: without it the first variant ran on a colder JIT than
     * the others. Runs the application with events on (every code path) and throws its figures away.
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
    EngineSettings engineSettings() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
        return new EngineSettings(configuration.getHistoryLevel().getName(),
                configuration.getIdGenerator().getClass().getSimpleName(), configuration.isJdbcBatchProcessing(),
                configuration.isAuthorizationEnabled(), configuration.getJobExecutor().isActive(),
                configuration.getJobExecutor().getMaxJobsPerAcquisition(), context.getEnvironment().getProperty(
                        "spring.datasource.hikari.maximum-pool-size", "10 (Spring Boot default)"));
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

    /** The name is PostgreSQL's own setting name, as {@code show} takes it. */
    record PostgresSettings(String fsync, @JsonProperty("synchronous_commit") String synchronousCommit) {
    }

    record EngineSettings(String historyLevel, String idGenerator, boolean jdbcBatchProcessing,
                          boolean authorizationEnabled, boolean jobExecutorActive,
                          int jobExecutorMaxJobsPerAcquisition, String hikariMaximumPoolSize) {
    }

    /** Unsent outbox rows when the officers stopped, and how long the relay then took to send them. */
    record RelayCatchUp(long unsentAtEndOfWindow, @JsonSerialize(using = TwoDecimals.class) double secondsToEmpty) {
    }
}
