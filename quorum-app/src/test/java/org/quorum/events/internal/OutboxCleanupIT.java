package org.quorum.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@QuorumIntegrationTest
class OutboxCleanupIT {

    private static final String TOPIC = "quorum.process-events";
    private static final String STATE_TOPIC = "quorum.process-state";

    @Autowired
    OutboxCleanup cleanup;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void sentEventsAndCountersOfLongFinishedInstancesGoButRunningInstancesKeepTheirCounters() {
        String running = runtime.startProcessInstanceByKey("events-fixture").getId();
        // In one transaction that is rolled back, so the relay never sees (and publishes) the rows made here.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            cleanUpAndCheck(running);
            tx.setRollbackOnly();
        });
    }

    private void cleanUpAndCheck(String running) {
        Instant longAgo = Instant.now().minus(Duration.ofDays(30));
        String finished = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String unsent = UUID.randomUUID().toString();
        String sentLate = UUID.randomUUID().toString();
        counter(finished, longAgo);
        String finishedWithState = UUID.randomUUID().toString();
        counter(finishedWithState, STATE_TOPIC, longAgo);
        jdbc.update("insert into quorum_process_state (process_instance_id, ended, state) values (?, true, '{}')",
                finishedWithState);
        jdbc.update("update quorum_event_sequence set updated_at = ? where record_key = ?",
                Timestamp.from(longAgo), running);
        counter(recent, Instant.now());
        counter(unsent, longAgo);
        event(finished, 1, Timestamp.from(longAgo), Timestamp.from(longAgo));
        event(unsent, 1, Timestamp.from(longAgo), null);
        // Written before a long broker outage, sent when Kafka came back: kept for the retention after sending.
        event(sentLate, 1, Timestamp.from(longAgo), Timestamp.from(Instant.now()));

        cleanup.deleteSentRows();

        assertThat(counters(finished)).as("finished a month ago").isZero();
        assertThat(counters(running)).as("still running, however old its last event").isEqualTo(1);
        assertThat(counters(running, STATE_TOPIC)).as("its state's counter too").isEqualTo(1);
        assertThat(counters(finishedWithState, STATE_TOPIC)).as("the tombstone of a kept state continues its numbers")
                .isEqualTo(1);
        assertThat(counters(recent)).as("finished within the retention").isEqualTo(1);
        assertThat(counters(unsent)).as("events still to publish").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox where record_key = ?",
                Long.class, finished)).as("sent a month ago").isZero();
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_delivery d where not exists "
                + "(select 1 from quorum_event_outbox o where o.id = d.id)", Long.class))
                .as("its delivery record goes with it").isZero();
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox where record_key = ?",
                Long.class, unsent)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox where record_key = ?",
                Long.class, sentLate)).as("written long ago, sent within the retention").isEqualTo(1);
    }

    private void counter(String key, Instant updatedAt) {
        counter(key, TOPIC, updatedAt);
    }

    private void counter(String key, String topic, Instant updatedAt) {
        jdbc.update("insert into quorum_event_sequence (record_key, topic, last_sequence, updated_at) values (?, ?, 1, ?)",
                key, topic, Timestamp.from(updatedAt));
    }

    /** An outbox row as the product leaves it: pending until sent, then with its delivery (sentAt not null). */
    private void event(String key, long sequence, Timestamp createdAt, Timestamp sentAt) {
        long id = jdbc.queryForObject("""
                insert into quorum_event_outbox (event_id, topic, record_key, sequence, event_type, occurred_at, data,
                    created_at) values (?, ?, ?, ?, 'process.completed', now(), '{}', ?) returning id""",
                Long.class, UUID.randomUUID(), TOPIC, key, sequence, createdAt);
        if (sentAt == null) {
            jdbc.update("insert into quorum_event_pending (id) values (?)", id);
        } else {
            jdbc.update("insert into quorum_event_delivery (id, kafka_partition, kafka_offset, sent_at) "
                    + "values (?, 0, ?, ?)", id, id, sentAt);
        }
    }

    private long counters(String key) {
        return counters(key, TOPIC);
    }

    private long counters(String key, String topic) {
        return jdbc.queryForObject("select count(*) from quorum_event_sequence where record_key = ? and topic = ?",
                Long.class, key, topic);
    }
}
