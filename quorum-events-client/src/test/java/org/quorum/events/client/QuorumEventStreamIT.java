package org.quorum.events.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kit against a real broker: what a subscriber sees after redeliveries, retention and its own failures. */
class QuorumEventStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestBroker broker;
    private static Admin admin;
    private static KafkaProducer<String, CloudEvent> relay;

    private String topic;
    private final List<KafkaConsumer<String, byte[]>> consumers = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = TestBroker.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        // Binary mode, as Quorum's relay writes its records.
        relay = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new CloudEventSerializer());
    }

    @AfterAll
    static void stopBroker() {
        relay.close();
        admin.close();
        broker.close();
    }

    @BeforeEach
    void newTopic() throws Exception {
        topic = "quorum.process-events." + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }

    @AfterEach
    void closeConsumers() {
        consumers.forEach(KafkaConsumer::close);
    }

    @Test
    void recordsRedeliveredByTheRelayOrReadAgainByTheConsumerAreDropped() throws Exception {
        publish(task("e1", 1), task("e2", 2), task("e2", 2), task("e3", 3));
        RecordingListener listener = new RecordingListener();
        KafkaConsumer<String, byte[]> consumer = consumer("board");
        QuorumEventStream stream = new QuorumEventStream(consumer, new QuorumEventReceiver(listener));

        pollUntil(stream, () -> listener.calls.size() == 4);
        consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
        pollUntil(stream, () -> listener.calls.size() == 8);

        assertThat(listener.calls).containsExactly("event 1", "event 2", "REPEATED_ID 2", "event 3",
                "REPEATED_ID 1", "REPEATED_ID 2", "REPEATED_ID 2", "REPEATED_ID 3");
    }

    @Test
    void eventsRemovedByRetentionWhileTheSubscriberWasDownAreReportedAsAGapWithTheirNumbers() throws Exception {
        publish(task("e1", 1), task("e2", 2));
        RecordingListener before = new RecordingListener();
        KafkaConsumer<String, byte[]> first = consumer("slow");
        pollUntil(new QuorumEventStream(first, new QuorumEventReceiver(before)), () -> before.calls.size() == 2);
        consumers.remove(first);
        first.close();

        publish(task("e3", 3), task("e4", 4), task("e5", 5), task("e6", 6));
        deleteRecordsBefore(5);
        RecordingListener after = new RecordingListener();
        QuorumEventReceiver restarted = new QuorumEventReceiver(after);
        restarted.lastHandled(topic, "p1", 2);
        pollUntil(new QuorumEventStream(consumer("slow"), restarted), () -> after.calls.size() == 2);

        assertThat(after.calls).containsExactly("gap [3, 4, 5]", "event 6");
        assertThat(after.gaps).containsExactly(new Gap(topic, "p1", 3, 5));

        RecordingListener newcomer = new RecordingListener();
        QuorumEventStream fromStart = new QuorumEventStream(consumer("newcomer"),
                new QuorumEventReceiver(newcomer, ReceiverSettings.defaults().readingFromFirstSequence()));
        pollUntil(fromStart, () -> newcomer.calls.size() == 2);
        assertThat(newcomer.calls).containsExactly("gap [1, 2, 3, 4, 5]", "event 6");
    }

    @Test
    void anEventTheListenerFailedOnIsNotCommittedAndComesAgain() throws Exception {
        publish(task("e1", 1), task("e2", 2), task("e3", 3));
        List<Long> handled = new ArrayList<>();
        QuorumEventListener failsOnSecondOnce = new QuorumEventListener() {
            private boolean failed;

            @Override
            public void onEvent(QuorumEvent event) {
                if (event.envelope().sequence() == 2 && !failed) {
                    failed = true;
                    throw new IllegalStateException("the subscriber's database is away");
                }
                handled.add(event.envelope().sequence());
            }
        };
        KafkaConsumer<String, byte[]> consumer = consumer("failing");
        QuorumEventStream stream = new QuorumEventStream(consumer, new QuorumEventReceiver(failsOnSecondOnce));

        assertThatThrownBy(() -> {
            for (int polls = 0; polls < 150; polls++) {
                stream.pollOnce(Duration.ofMillis(200));
            }
        }).isInstanceOf(IllegalStateException.class);
        TopicPartition partition = new TopicPartition(topic, 0);
        assertThat(consumer.committed(Set.of(partition)).get(partition).offset())
                .as("committed up to the event handled").isEqualTo(1);
        pollUntil(stream, () -> handled.size() == 3);

        assertThat(handled).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theExampleBoardListsOpenTasksAndSetsAsideAnInstanceWithAGap() throws Exception {
        publish(task("e1", 1),
                KafkaRecords.event("quorum.task.assigned.v1", "e2", "p1", 2, """
                        {"actor":"officer","taskId":"p1-1","taskName":"Check request","taskDefinitionKey":"Task_CheckRequest",
                         "owner":null,"delegationState":null,"assignee":"officer"}"""),
                task("e3", 3),
                KafkaRecords.event("quorum.task.completed.v1", "e4", "p1", 4, """
                        {"actor":"officer","taskId":"p1-3","taskName":"Check request","taskDefinitionKey":"Task_CheckRequest",
                         "activityInstanceId":"Task_CheckRequest:1","assignee":"officer","owner":null,"priority":50,
                         "dueDate":"2026-12-01T00:00:00Z"}"""),
                KafkaRecords.taskCreated("q1", "p2", 1),
                KafkaRecords.taskCreated("q3", "p2", 3));
        PendingTasksBoard board = new PendingTasksBoard();
        Thread running = new Thread(() -> board.run(broker.bootstrapServers(), topic));
        running.start();
        try {
            Awaitility.await().atMost(WAIT).until(() -> board.openTasks().size() == 3);
        } finally {
            board.stop();
            running.join(WAIT.toMillis());
        }

        assertThat(board.openTasks()).containsOnly(
                Map.entry("p1-1", new PendingTasksBoard.Row("Check request", "officer")),
                Map.entry("p2-1", new PendingTasksBoard.Row("Check request", null)),
                Map.entry("p2-3", new PendingTasksBoard.Row("Check request", null)));
        assertThat(board.toResync()).containsExactly("p2");
    }

    private static CloudEvent task(String id, long sequence) {
        return KafkaRecords.taskCreated(id, "p1", sequence);
    }

    private void publish(CloudEvent... events) throws ExecutionException, InterruptedException {
        for (CloudEvent event : events) {
            relay.send(new ProducerRecord<>(topic, event.getExtension("rootprocessinstanceid").toString(), event)).get();
        }
    }

    private void deleteRecordsBefore(long offset) throws Exception {
        admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(offset))).all().get();
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                QuorumEventStream.consumerProperties(broker.bootstrapServers(), group + "-" + topic));
        consumer.subscribe(List.of(topic));
        consumers.add(consumer);
        return consumer;
    }

    private static void pollUntil(QuorumEventStream stream, BooleanSupplier done) {
        Awaitility.await().atMost(WAIT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            stream.pollOnce(Duration.ofMillis(200));
            return done.getAsBoolean();
        });
    }
}
