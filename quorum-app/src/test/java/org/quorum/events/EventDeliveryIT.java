package org.quorum.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.infrastructure.embedded.EmbeddedKafkaBroker;
import org.quorum.infrastructure.embedded.EmbeddedPostgresServer;
import org.quorum.support.EventsConsumer;
import org.quorum.support.OwnApplication;
import org.quorum.support.StandaloneQuorum;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Delivery guarantees that need their own application lifecycle: broker outage, restart, two nodes. */
@OwnApplication
class EventDeliveryIT {

    private static final String TOPIC = "quorum.process-events";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void officersKeepWorkingWhileKafkaIsAwayAndEveryEventArrivesInOrderWhenItReturns() throws Exception {
        try (ConfigurableApplicationContext app = StandaloneQuorum.startDemo(dataDir)) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            EmbeddedKafkaBroker broker = app.getBean(EmbeddedKafkaBroker.class);
            Path logDir = broker.logDir();
            int port = broker.port();
            int controllerPort = broker.controllerPort();
            String before = runToCompletion(engine);
            try (EventsConsumer consumer = new EventsConsumer(broker.bootstrapServers(), TOPIC)) {
                consumer.awaitKey(before, r -> EventsConsumer.hasType(r, "quorum.process.completed.v1"), WAIT);
            }

            broker.close();
            List<String> during = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                during.add(runToCompletion(engine));
            }
            long backlog = app.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from quorum_event_pending", Long.class);
            assertThat(backlog).as("events waiting while Kafka is away").isGreaterThan(0);

            try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(logDir, port, controllerPort);
                 EventsConsumer consumer = new EventsConsumer(restarted.bootstrapServers(), TOPIC)) {
                for (String id : during) {
                    assertCompleteAndInOrder(consumer.awaitKey(id,
                            r -> EventsConsumer.hasType(r, "quorum.process.completed.v1"), WAIT));
                }
            }
        }
    }

    @Test
    void eventsCommittedBeforeAStopAreDeliveredAfterTheRestart() {
        String id;
        List<String> rowVersions;
        try (ConfigurableApplicationContext app = StandaloneQuorum.startDemo(dataDir,
                "quorum.events.relay.enabled=false")) {
            // The relay is off: the node stops with committed events not yet published.
            id = runToCompletion(app.getBean(ProcessEngine.class));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(
                    "select count(*) from quorum_event_outbox o join quorum_event_pending p on p.id = o.id "
                            + "where o.root_process_instance_id = ?",
                    Long.class, id)).isEqualTo(12);
            rowVersions = rowVersions(jdbc, id);
        }
        try (ConfigurableApplicationContext app = StandaloneQuorum.startDemo(dataDir);
             EventsConsumer consumer = new EventsConsumer(app.getBean(EmbeddedKafkaBroker.class).bootstrapServers(),
                     TOPIC)) {
            List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id,
                    r -> EventsConsumer.hasType(r, "quorum.process.completed.v1"), WAIT);
            assertCompleteAndInOrder(records);
            assertThat(records).hasSize(12);

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            // The relay marks after Kafka's acknowledgement, which the consumer may see first.
            List<String> deliveries = awaitDeliveries(jdbc, id, 12);
            assertThat(deliveries).as("each event's delivery record holds where Kafka put it")
                    .containsExactlyElementsOf(records.stream()
                            .map(r -> r.value().getId() + "@" + r.partition() + ":" + r.offset()).toList());
            assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox o join quorum_event_pending p "
                    + "on p.id = o.id where o.root_process_instance_id = ?", Long.class, id))
                    .as("none pending any more").isZero();
            assertThat(rowVersions(jdbc, id)).as("the mark did not rewrite the outbox rows (same place, same "
                    + "writing transaction)").isEqualTo(rowVersions);
        }
    }

    /** Where each outbox row of the instance lies and which transaction wrote it; an update changes both. */
    private static List<String> rowVersions(JdbcTemplate jdbc, String rootInstance) {
        return jdbc.queryForList("select ctid::text || '/' || xmin::text from quorum_event_outbox "
                + "where root_process_instance_id = ? order by id", String.class, rootInstance);
    }

    private static List<String> awaitDeliveries(JdbcTemplate jdbc, String rootInstance, int expected) {
        return Awaitility.await("delivery records of " + rootInstance).atMost(WAIT).until(() -> jdbc.queryForList("""
                select o.event_id::text || '@' || d.kafka_partition || ':' || d.kafka_offset
                from quorum_event_outbox o join quorum_event_delivery d on d.id = o.id
                where o.root_process_instance_id = ? and o.topic = ? order by o.id""",
                String.class, rootInstance, TOPIC), deliveries -> deliveries.size() >= expected);
    }

    @Test
    void twoNodesOnOneDatabaseDeliverEveryEventOnceInOrder() {
        try (ConfigurableApplicationContext first = StandaloneQuorum.startDemo(dataDir)) {
            EmbeddedPostgresServer postgres = first.getBean(EmbeddedPostgresServer.class);
            EmbeddedKafkaBroker broker = first.getBean(EmbeddedKafkaBroker.class);
            try (ConfigurableApplicationContext second = StandaloneQuorum.startDemo(dataDir.resolve("second"),
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.postgres().getPort() + "/quorum",
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=" + postgres.password(),
                    "spring.kafka.bootstrap-servers=" + broker.bootstrapServers());
                 EventsConsumer consumer = new EventsConsumer(broker.bootstrapServers(), TOPIC)) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ids.add(runToCompletion((i % 2 == 0 ? first : second).getBean(ProcessEngine.class)));
                }
                for (String id : ids) {
                    List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id,
                            r -> EventsConsumer.hasType(r, "quorum.process.completed.v1"), WAIT);
                    assertCompleteAndInOrder(records);
                }
                List<ConsumerRecord<String, CloudEvent>> all = consumer.drain();
                assertThat(all).extracting(r -> r.value().getId()).doesNotHaveDuplicates();
            }
        }
    }

    private static String runToCompletion(ProcessEngine engine) {
        String id = engine.getRuntimeService().startProcessInstanceByKey("events-fixture").getId();
        engine.getTaskService().complete(
                engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId());
        return id;
    }

    private static void assertCompleteAndInOrder(List<ConsumerRecord<String, CloudEvent>> records) {
        assertThat(records).extracting(r -> Long.parseLong(String.valueOf(r.value().getExtension("sequence"))))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, records.size()).boxed().toList());
        assertThat(records.get(0).value().getType()).isEqualTo("quorum.process.started.v1");
        assertThat(records.get(records.size() - 1).value().getType()).isEqualTo("quorum.process.completed.v1");
    }
}
