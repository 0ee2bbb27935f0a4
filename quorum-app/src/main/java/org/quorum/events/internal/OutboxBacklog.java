package org.quorum.events.internal;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.quorum.events.EventsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** How many events wait in the outbox and for how long: metrics, health and a log line past the threshold. */
class OutboxBacklog {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final JdbcTemplate jdbc;
    private final long warningThreshold;
    private static final long CHECK_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private volatile boolean aboveThreshold;
    private long lastCheckNanos = System.nanoTime() - CHECK_EVERY_NANOS;

    OutboxBacklog(JdbcTemplate jdbc, EventsProperties properties, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.warningThreshold = properties.relay().backlogWarning();
        Gauge.builder("quorum.events.outbox.backlog", this, b -> b.read().count())
                .description("Events written but not yet published").register(registry);
        Gauge.builder("quorum.events.outbox.oldest.age", this, b -> b.read().oldestAge().toMillis() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest unpublished event").register(registry);
    }

    Snapshot read() {
        // The lowest pending id is the oldest row, near enough (ids are taken at insert, created_at at the start of
        // the transaction), and a primary key lookup where min(created_at) would read every pending row.
        return jdbc.queryForObject("""
                        select (select count(*) from quorum_event_pending),
                               (select o.created_at from quorum_event_outbox o
                                where o.id = (select min(p.id) from quorum_event_pending p))""",
                (rs, n) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    // Wall clock, not the engine's: how long rows have really waited for Kafka, against created_at
                    // that PostgreSQL stamps from its own clock; moving the engine clock must not age the backlog.
                    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, OffsetDateTime.now());
                    return new Snapshot(rs.getLong(1), age.isNegative() ? Duration.ZERO : age);
                });
    }

    long warningThreshold() {
        return warningThreshold;
    }

    /**
     * Logs once when the backlog passes the threshold and once when it is back under it. Called by the relay
     * every round, it counts the backlog at most every 5 s: a count per 500-row batch would slow the drain.
     */
    void checkThreshold() {
        long now = System.nanoTime();
        if (now - lastCheckNanos < CHECK_EVERY_NANOS) {
            return;
        }
        lastCheckNanos = now;
        Snapshot snapshot = read();
        boolean above = snapshot.count() > warningThreshold;
        if (above && !aboveThreshold) {
            log.warn("Event outbox backlog is {} events (threshold {}), oldest {} s: is Kafka reachable?",
                    snapshot.count(), warningThreshold, snapshot.oldestAge().toSeconds());
        } else if (!above && aboveThreshold) {
            log.info("Event outbox backlog is back under {} events", warningThreshold);
        }
        aboveThreshold = above;
    }

    record Snapshot(long count, Duration oldestAge) {
    }
}
