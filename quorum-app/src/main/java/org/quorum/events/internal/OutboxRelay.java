package org.quorum.events.internal;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.quorum.events.EventsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Publishes outbox rows to Kafka in id order and marks them sent, on its own thread: the engine never waits
 * for Kafka. One node at a time relays (see {@link RelayLeadership}: the holder of a PostgreSQL advisory lock on
 * a dedicated session, confirmed on that session before every send and again, inside the statement, when
 * marking); the others stand by and take over within ten poll intervals if it dies or loses its session, so
 * every event goes out once in normal operation and one key's events keep their order. After a crash between
 * send and mark, or a lost session, the unmarked rows are sent again with the same CloudEvent id.
 * <p>
 * This class runs the relay's thread and decides when it goes again; each round is a {@link RelayRound}, which
 * reads the batch ({@link UnsentRows}), sends it ({@link KafkaBatchSender}) and marks it ({@link SentMarks}).
 * <p>
 * Written by hand because the libraries the issue names do not fit: Spring Modulith's event publication
 * registry does not order by key nor number events per instance, and Debezium would add a WAL connector
 * and a replication slot to every deployment for what one indexed query does here.
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private final RelayLeadership leadership;
    private final KafkaBatchSender sender;
    private final RelayRound round;
    private final EventsProperties.Relay settings;
    private final OutboxSignal signal;
    private final Counter failures;

    private volatile boolean running;
    private Thread thread;

    OutboxRelay(RelayLeadership leadership, JdbcTemplate jdbc, Producer<String, CloudEvent> producer,
                CloudEventMapper cloudEvents, DeadLetters deadLetters, KafkaAdmin kafkaAdmin,
                EventsProperties properties, OutboxBacklog backlog, OutboxSignal signal, MeterRegistry registry) {
        this.leadership = leadership;
        this.sender = new KafkaBatchSender(producer, cloudEvents, deadLetters, kafkaAdmin);
        this.settings = properties.relay();
        this.signal = signal;
        Counter published = Counter.builder("quorum.events.published").description("Events published to Kafka")
                .register(registry);
        this.failures = Counter.builder("quorum.events.publish.failures")
                .description("Relay rounds in which Kafka did not take every event").register(registry);
        this.round = new RelayRound(leadership, new UnsentRows(jdbc), sender, backlog, settings, published, failures);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "quorum-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        leadership.release();
        sender.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                switch (round()) {
                    case AT_ONCE -> { }
                    case WHEN_WRITTEN -> signal.await(settings.pollInterval());
                    case AFTER_BACKOFF -> Thread.sleep(settings.retryBackoff().toMillis());
                    case STANDING_BY -> Thread.sleep(settings.pollInterval().multipliedBy(10).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay round failed; retrying in {}: {}", settings.retryBackoff(), e.toString());
                leadership.release();
                sleepQuietly(settings.retryBackoff());
            }
        }
    }

    /** When the relay goes again after a round. */
    enum Next {
        /** A full batch went out: more may be waiting. */
        AT_ONCE,
        /** The outbox is empty: on this node's next commit of events, or after the poll interval. */
        WHEN_WRITTEN,
        /** Kafka did not take everything. */
        AFTER_BACKOFF,
        /** Another node relays, or this one lost its session: try to take the lead after ten poll intervals. */
        STANDING_BY
    }

    /** One round: confirms that this node leads, then sends one batch; says when to go again. */
    Next round() {
        return round.run();
    }

    /** The database backend whose session holds the relay lock for this node; 0 when it does not lead. */
    int leaderBackendPid() {
        return leadership.backendPid();
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
