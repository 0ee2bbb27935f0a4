package org.quorum.bench;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.camunda.bpm.engine.ProcessEngine;
import org.quorum.bench.driver.Throughput;
import org.quorum.bench.driver.TwoDecimals;
import org.quorum.infrastructure.embedded.EmbeddedKafkaBroker;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Kafka goes away, officers keep working until the outbox holds the backlog, Kafka comes back: how fast does the
 * relay catch up? The backlog is made the product's way, by driving one-task instances, so the rows are exactly
 * what the engine writes. Returns the broker that was started again; the caller closes it after the application.
 */
final class OutboxDrain {

    private static final String UNSENT = "select count(*) from quorum_event_pending";
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final EmbeddedKafkaBroker broker;
    private final Officers officers;

    OutboxDrain(ProcessEngine engine, JdbcTemplate jdbc, EmbeddedKafkaBroker broker, int officers) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.broker = broker;
        this.officers = new Officers(engine, officers);
    }

    Result measure(int backlogTarget) throws Exception {
        broker.close();
        Throughput probe = officers.drive(Model.ONE_TASK, "backlog-probe", 10);
        long perInstance = Math.max(1, unsent() / probe.instances());
        int instances = (int) Math.ceil((double) backlogTarget / perInstance);
        Throughput generation = officers.drive(Model.ONE_TASK, "backlog", instances);
        long backlog = unsent();

        long restarting = System.nanoTime();
        EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(broker.logDir(), broker.port(),
                broker.controllerPort());
        long brokerUp = System.nanoTime();
        long deadline = brokerUp + DRAIN_LIMIT.toNanos();
        long firstSent = -1;
        long remaining = backlog;
        while (remaining > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            remaining = unsent();
            if (firstSent < 0 && remaining < backlog) {
                firstSent = System.nanoTime();
            }
        }
        long drained = System.nanoTime();
        return new Result(backlog, perInstance, generation.perSecond() * perInstance,
                (brokerUp - restarting) / 1e9, (drained - brokerUp) / 1e9,
                firstSent < 0 ? Double.NaN : (drained - firstSent) / 1e9, remaining, restarted);
    }

    private long unsent() {
        return jdbc.queryForObject(UNSENT, Long.class);
    }

    /**
     * @param backlog              unsent events when the broker was started again
     * @param eventsPerInstance    outbox rows one one-task instance writes
     * @param writtenPerSecond     events the officers wrote per second while Kafka was away
     * @param brokerStartSeconds   time to start the broker again
     * @param drainSeconds         from the broker being up to an empty outbox
     * @param sendingSeconds       from the first row marked sent to an empty outbox
     * @param remaining            unsent events left when the measurement stopped (0 unless it timed out)
     * @param restarted            the broker started again, for the caller to close (not a figure)
     */
    @JsonPropertyOrder({"backlog", "eventsPerInstance", "writtenPerSecondWhileKafkaAway", "brokerStartSeconds",
            "drainSeconds", "sendingSeconds", "eventsPerSecond", "remaining"})
    record Result(long backlog, long eventsPerInstance,
                  @JsonProperty("writtenPerSecondWhileKafkaAway") @JsonSerialize(using = TwoDecimals.class)
                  double writtenPerSecond,
                  @JsonSerialize(using = TwoDecimals.class) double brokerStartSeconds,
                  @JsonSerialize(using = TwoDecimals.class) double drainSeconds,
                  @JsonSerialize(using = TwoDecimals.class) double sendingSeconds,
                  long remaining, @JsonIgnore EmbeddedKafkaBroker restarted) {

        @JsonProperty("eventsPerSecond")
        @JsonSerialize(using = TwoDecimals.class)
        double eventsPerSecond() {
            return backlog / drainSeconds;
        }
    }
}
