package org.quorum.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.events.EventsProperties;
import org.quorum.infrastructure.embedded.EmbeddedKafkaBroker;
import org.quorum.support.EventsConsumer;
import org.quorum.support.OwnApplication;
import org.quorum.support.StandaloneQuorum;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The relay's leadership is confirmed on the database session that holds the advisory lock: a relay whose session
 * was killed ({@code pg_terminate_backend}) neither marks what it had in flight nor sends again, and the lead is
 * taken again, by one relay, within seconds. The application's own relay is off; the relays under test are built
 * here on the node's real PostgreSQL and Kafka broker, each with its own producer and meter registry.
 */
@OwnApplication
class RelayFencingIT {

    private static final String TOPIC = "quorum.process-events";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String UNSENT = "select count(*) from quorum_event_pending";
    /**
     * Outbox rows of one run of the events fixture: its 12 lifecycle events, and one record of its state on the
     * state topic for each of its two transactions (start, completion).
     */
    private static final int ROWS_PER_RUN = 12 + 2;
    private static final String LOCK_HOLDERS = "select pid from pg_locks where locktype = 'advisory' and granted "
            + "and objsubid = 1 and classid = " + (RelayLeadership.LOCK_KEY >>> 32)
            + " and objid = " + (RelayLeadership.LOCK_KEY & 0xFFFFFFFFL);

    @TempDir
    Path dataDir;

    private final List<OutboxRelay> relays = new ArrayList<>();

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
        KillSessionOnSend.action.set(null);
    }

    @Test
    void aRelayWhoseSessionIsKilledDuringASendDoesNotMarkAndTheNextLeaderSendsAgain() {
        try (ConfigurableApplicationContext node = StandaloneQuorum.startDemo(dataDir,
                "quorum.events.relay.enabled=false")) {
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            String bootstrap = node.getBean(EmbeddedKafkaBroker.class).bootstrapServers();
            SimpleMeterRegistry metersA = new SimpleMeterRegistry();
            OutboxRelay a = relay(node, metersA, true);
            SimpleMeterRegistry metersB = new SimpleMeterRegistry();
            OutboxRelay b = relay(node, metersB, false);

            assertThat(a.round()).isEqualTo(OutboxRelay.Next.WHEN_WRITTEN);
            int sessionOfA = a.leaderBackendPid();
            assertThat(sessionOfA).isPositive();
            assertThat(b.round()).as("B stands by while A's session holds the lock").isEqualTo(OutboxRelay.Next.STANDING_BY);

            String instance = runToCompletion(node.getBean(ProcessEngine.class));
            assertThat(jdbc.queryForObject(UNSENT, Long.class)).isEqualTo(ROWS_PER_RUN);
            // A's session is killed while A's batch is on its way to Kafka, between send and mark.
            KillSessionOnSend.action.set(() -> jdbc.queryForObject("select pg_terminate_backend(?, 5000)", Boolean.class,
                    sessionOfA));

            assertThat(a.round()).as("A noticed the loss when marking").isEqualTo(OutboxRelay.Next.STANDING_BY);
            assertThat(jdbc.queryForObject(UNSENT, Long.class)).as("A marked nothing").isEqualTo(ROWS_PER_RUN);
            assertThat(published(metersA)).isZero();
            assertThat(a.leaderBackendPid()).isZero();

            assertThat(b.round()).as("B takes the lead and sends the batch again").isEqualTo(OutboxRelay.Next.WHEN_WRITTEN);
            assertThat(b.leaderBackendPid()).isPositive().isNotEqualTo(sessionOfA);
            assertThat(jdbc.queryForList(LOCK_HOLDERS, Integer.class)).containsExactly(b.leaderBackendPid());
            assertThat(jdbc.queryForObject(UNSENT, Long.class)).isZero();
            assertThat(published(metersB)).isEqualTo(ROWS_PER_RUN);

            String later = runToCompletion(node.getBean(ProcessEngine.class));
            assertThat(a.round()).as("A does not send while B leads").isEqualTo(OutboxRelay.Next.STANDING_BY);
            assertThat(published(metersA)).isZero();
            assertThat(jdbc.queryForObject(UNSENT, Long.class)).isEqualTo(ROWS_PER_RUN);
            assertThat(b.round()).isEqualTo(OutboxRelay.Next.WHEN_WRITTEN);
            assertThat(published(metersB)).isEqualTo(2 * ROWS_PER_RUN);

            try (EventsConsumer consumer = new EventsConsumer(bootstrap, TOPIC)) {
                List<ConsumerRecord<String, CloudEvent>> first = consumer.awaitKey(instance,
                        records -> records.size() == 24, WAIT);
                assertThat(first).as("the in-flight batch twice, with the same ids, nothing more")
                        .extracting(r -> r.value().getId()).containsExactlyInAnyOrderElementsOf(
                                twice(jdbc.queryForList("select event_id::text from quorum_event_outbox "
                                        + "where record_key = ? and topic = ?", String.class, instance, TOPIC)));
                List<ConsumerRecord<String, CloudEvent>> second = consumer.awaitKey(later,
                        records -> EventsConsumer.hasType(records, "quorum.process.completed.v1"), WAIT);
                assertThat(second).hasSize(12).extracting(r -> r.value().getId()).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void ofTwoRelaysOnOneDatabaseOnlyOneSendsAndAKilledLockSessionHandsTheLeadOverWithinSeconds() {
        try (ConfigurableApplicationContext node = StandaloneQuorum.startDemo(dataDir,
                "quorum.events.relay.enabled=false")) {
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            ProcessEngine engine = node.getBean(ProcessEngine.class);
            String bootstrap = node.getBean(EmbeddedKafkaBroker.class).bootstrapServers();
            SimpleMeterRegistry metersA = new SimpleMeterRegistry();
            SimpleMeterRegistry metersB = new SimpleMeterRegistry();
            OutboxRelay a = relay(node, metersA, false);
            OutboxRelay b = relay(node, metersB, false);
            a.start();
            b.start();

            try (EventsConsumer consumer = new EventsConsumer(bootstrap, TOPIC)) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    ids.add(runToCompletion(engine));
                }
                awaitCompleted(consumer, ids);
                assertThat(published(metersA) + published(metersB)).isEqualTo(3 * ROWS_PER_RUN);
                assertThat(List.of(published(metersA), published(metersB))).as("one relay sent everything")
                        .containsExactlyInAnyOrder(0.0, 3.0 * ROWS_PER_RUN);
                int leader = jdbc.queryForObject(LOCK_HOLDERS, Integer.class);
                assertThat(List.of(a.leaderBackendPid(), b.leaderBackendPid())).containsExactlyInAnyOrder(leader, 0);

                jdbc.queryForObject("select pg_terminate_backend(?, 5000)", Boolean.class, leader);
                long killedAt = System.nanoTime();
                Awaitility.await("a relay holding the lock again").atMost(Duration.ofSeconds(5))
                        .pollInterval(Duration.ofMillis(50)).until(() -> {
                            List<Integer> holders = jdbc.queryForList(LOCK_HOLDERS, Integer.class);
                            return holders.size() == 1 && holders.get(0) != leader;
                        });
                System.out.printf("Relay lead taken again %d ms after its session was killed%n",
                        (System.nanoTime() - killedAt) / 1_000_000);
                int newLeader = jdbc.queryForObject(LOCK_HOLDERS, Integer.class);
                assertThat(List.of(a.leaderBackendPid(), b.leaderBackendPid())).containsExactlyInAnyOrder(newLeader, 0);

                for (int i = 0; i < 3; i++) {
                    ids.add(runToCompletion(engine));
                }
                awaitCompleted(consumer, ids);
                assertThat(published(metersA) + published(metersB)).isEqualTo(6 * ROWS_PER_RUN);
                assertThat(consumer.drain()).hasSize(72).extracting(r -> r.value().getId()).doesNotHaveDuplicates();
                assertThat(jdbc.queryForObject(UNSENT, Long.class)).isZero();
            }
        }
    }

    @Test
    void afterAPostgresRestartOneRelayLeadsAgainWithinSeconds() throws Exception {
        try (ConfigurableApplicationContext node = StandaloneQuorum.startDemo(dataDir,
                "quorum.events.relay.enabled=false")) {
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            String bootstrap = node.getBean(EmbeddedKafkaBroker.class).bootstrapServers();
            SimpleMeterRegistry metersA = new SimpleMeterRegistry();
            SimpleMeterRegistry metersB = new SimpleMeterRegistry();
            OutboxRelay a = relay(node, metersA, false);
            OutboxRelay b = relay(node, metersB, false);
            a.start();
            b.start();
            Awaitility.await("a relay leading").atMost(Duration.ofSeconds(10))
                    .until(() -> a.leaderBackendPid() + b.leaderBackendPid() > 0);
            int before = jdbc.queryForObject(LOCK_HOLDERS, Integer.class);

            restartPostgres(dataDir.resolve("postgres"));
            long restartedAt = System.nanoTime();
            Awaitility.await("one relay holding the lock again").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                        List<Integer> holders = jdbc.queryForList(LOCK_HOLDERS, Integer.class);
                        return holders.size() == 1 && holders.get(0) != before;
                    });
            System.out.printf("Relay lead taken again %d ms after PostgreSQL was back%n",
                    (System.nanoTime() - restartedAt) / 1_000_000);
            int holder = jdbc.queryForObject(LOCK_HOLDERS, Integer.class);
            assertThat(List.of(a.leaderBackendPid(), b.leaderBackendPid())).containsExactlyInAnyOrder(holder, 0);

            try (EventsConsumer consumer = new EventsConsumer(bootstrap, TOPIC)) {
                List<String> ids = List.of(runToCompletion(node.getBean(ProcessEngine.class)),
                        runToCompletion(node.getBean(ProcessEngine.class)));
                awaitCompleted(consumer, ids);
                assertThat(consumer.drain()).hasSize(24).extracting(r -> r.value().getId()).doesNotHaveDuplicates();
            }
        }
    }

    /**
     * A real restart (fast shutdown, then start with the same options) with the server's own pg_ctl, found
     * beside the running postmaster's executable; as root under {@code unshare -U}, as zonky starts it.
     */
    private static void restartPostgres(Path folder) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(folder.resolve("postmaster.pid")).get(0).trim());
        Path pgCtl = Files.readSymbolicLink(Path.of("/proc", Long.toString(postmaster), "exe")).resolveSibling("pg_ctl");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", folder.toString(), "restart", "-m", "fast", "-w", "-t", "60"));
        Process restart = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "relay-fencing-pg-restart.log").toFile()).start();
        assertThat(restart.waitFor(90, TimeUnit.SECONDS)).as("pg_ctl restart within 90 s").isTrue();
        assertThat(restart.exitValue()).as("pg_ctl restart (log: target/relay-fencing-pg-restart.log)").isZero();
    }

    private OutboxRelay relay(ConfigurableApplicationContext node, MeterRegistry meters, boolean killSessionOnSend) {
        Map<String, Object> config = new HashMap<>(KafkaBatchSender.producerOverrides());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, node.getBean(EmbeddedKafkaBroker.class).bootstrapServers());
        if (killSessionOnSend) {
            config.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, KillSessionOnSend.class.getName());
        }
        KafkaProducer<String, CloudEvent> producer =
                new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
        RelayLeadership leadership = new RelayLeadership(EventsConfiguration.relaySessions(
                node.getBean(JdbcConnectionDetails.class), node.getBean(DataSource.class)));
        OutboxRelay relay = new OutboxRelay(leadership, node.getBean(JdbcTemplate.class), producer,
                node.getBean(CloudEventMapper.class), node.getBean(DeadLetters.class), node.getBean(KafkaAdmin.class),
                node.getBean(EventsProperties.class), node.getBean(OutboxBacklog.class),
                node.getBean(OutboxSignal.class), meters);
        relays.add(relay);
        return relay;
    }

    private static double published(SimpleMeterRegistry meters) {
        return meters.get("quorum.events.published").counter().count();
    }

    private static void awaitCompleted(EventsConsumer consumer, List<String> ids) {
        for (String id : ids) {
            consumer.awaitKey(id, records -> EventsConsumer.hasType(records, "quorum.process.completed.v1"), WAIT);
        }
    }

    private static List<String> twice(List<String> ids) {
        List<String> both = new ArrayList<>(ids);
        both.addAll(ids);
        return both;
    }

    private static String runToCompletion(ProcessEngine engine) {
        String id = engine.getRuntimeService().startProcessInstanceByKey("events-fixture").getId();
        engine.getTaskService().complete(
                engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId());
        return id;
    }

    /** A Kafka producer interceptor (a Kafka feature, not a stand-in for Kafka) that runs an action once. */
    public static final class KillSessionOnSend implements ProducerInterceptor<String, CloudEvent> {

        static final AtomicReference<Runnable> action = new AtomicReference<>();

        @Override
        public ProducerRecord<String, CloudEvent> onSend(ProducerRecord<String, CloudEvent> record) {
            Runnable once = action.getAndSet(null);
            if (once != null) {
                once.run();
            }
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
