package org.quorum.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorum.events.client.Drop;
import org.quorum.events.client.Gap;
import org.quorum.events.client.QuorumEvent;
import org.quorum.events.client.QuorumEventListener;
import org.quorum.events.client.QuorumEventReceiver;
import org.quorum.events.client.ReceiverSettings;
import org.quorum.events.client.TaskData;
import org.quorum.support.EventsConsumer;
import org.quorum.support.EventsFixtureStep;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;

@QuorumIntegrationTest
class EventsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    EventsFixtureStep fixtureStep;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    JdbcTemplate jdbc;

    EventsConsumer consumer;

    @BeforeEach
    void subscribe() {
        consumer = new EventsConsumer(String.join(",", kafka.getBootstrapServers()), "quorum.process-events");
    }

    @AfterEach
    void close() {
        consumer.close();
        identity.clearAuthentication();
    }

    @Test
    void oneInstanceEventsArriveInOrderAsCloudEventsWithGaplessSequence() throws Exception {
        String id = runtime.startProcessInstanceByKey("events-fixture", "REQ-2017-001").getId();
        String taskId = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
        identity.setAuthentication("officer", List.of("secretariat"));
        tasks.complete(taskId);
        identity.clearAuthentication();

        List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id,
                r -> EventsConsumer.hasType(r, "quorum.process.completed.v1"), WAIT);

        assertThat(records).extracting(r -> r.value().getType()).containsExactly(
                "quorum.process.started.v1",
                "quorum.activity.started.v1", "quorum.activity.completed.v1",
                "quorum.activity.started.v1", "quorum.task.created.v1",
                "quorum.task.completed.v1", "quorum.activity.completed.v1",
                "quorum.activity.started.v1", "quorum.activity.completed.v1",
                "quorum.activity.started.v1", "quorum.activity.completed.v1",
                "quorum.process.completed.v1");
        assertThat(records).extracting(r -> Long.parseLong(String.valueOf(r.value().getExtension("sequence"))))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, records.size()).boxed().toList());
        assertThat(records).extracting(r -> r.value().getId()).doesNotHaveDuplicates();
        assertThat(records).allSatisfy(r -> {
            CloudEvent event = r.value();
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getSource().toString()).isEqualTo("/quorum");
            assertThat(event.getTime()).isNotNull();
            assertThat(event.getSubject()).isNotBlank();
            assertThat(event.getExtension("processdefinitionkey")).isEqualTo("events-fixture");
            assertThat(event.getExtension("processinstanceid")).isEqualTo(id);
            assertThat(event.getExtension("rootprocessinstanceid")).isEqualTo(id);
            assertThat(event.getExtension("businesskey")).isEqualTo("REQ-2017-001");
            assertThat(r.partition()).isEqualTo(records.get(0).partition());
        });
        TaskData completed = consumer.eventsOfKey(id).stream().filter(QuorumEvent.TaskCompleted.class::isInstance)
                .map(e -> ((QuorumEvent.TaskCompleted) e).data()).findFirst().orElseThrow();
        assertThat(completed.actor()).isEqualTo("officer");
        assertThat(completed.taskDefinitionKey()).isEqualTo("Task_CheckRequest");
        assertThat(completed.taskName()).isEqualTo("Check request");
        assertThat(throughTheKit(records)).as("a subscriber using the kit: every event once, no gap")
                .containsExactlyElementsOf(consumer.eventsOfKey(id));
    }

    @Test
    void claimAndUnclaimArePublishedAsAssignments() throws Exception {
        String id = runtime.startProcessInstanceByKey("events-fixture").getId();
        String taskId = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
        tasks.claim(taskId, "officer");
        tasks.setAssignee(taskId, null);

        List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id,
                r -> EventsConsumer.hasType(r, "quorum.task.unassigned.v1"), WAIT);

        List<ConsumerRecord<String, CloudEvent>> assignments = records.stream()
                .filter(r -> r.value().getType().startsWith("quorum.task.") && r.value().getType().contains("assign"))
                .toList();
        assertThat(assignments).extracting(r -> r.value().getType())
                .containsExactly("quorum.task.assigned.v1", "quorum.task.unassigned.v1");
        assertThat(((QuorumEvent.TaskAssigned) consumer.typed(assignments.get(0))).data().assignee())
                .isEqualTo("officer");
        assertThat(((QuorumEvent.TaskUnassigned) consumer.typed(assignments.get(1))).data().previousAssignee())
                .isEqualTo("officer");
    }

    @Test
    void failingDelegateRollsBackAndPublishesNothingForTheRolledBackWork() throws Exception {
        String id = runtime.startProcessInstanceByKey("events-fixture", Map.of("fail", true)).getId();
        String taskId = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();

        assertThatThrownBy(() -> tasks.complete(taskId)).hasMessageContaining("failing on purpose");
        runtime.setVariable(id, "fail", false);
        tasks.complete(taskId);

        List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id,
                r -> EventsConsumer.hasType(r, "quorum.process.completed.v1"), WAIT);
        assertThat(records).filteredOn(r -> r.value().getType().equals("quorum.task.completed.v1")).hasSize(1);
        assertThat(records).extracting(r -> Long.parseLong(String.valueOf(r.value().getExtension("sequence"))))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, records.size()).boxed().toList());
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox where root_process_instance_id = ?",
                Long.class, id)).isEqualTo(records.size());
    }

    @Test
    void officerLosingAConcurrentCompletionOfTheSameTaskPublishesNothing() throws Exception {
        String id = runtime.startProcessInstanceByKey("events-fixture").getId();
        String taskId = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
        fixtureStep.holdUntilBothArrive();

        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(CompletableFuture.runAsync(() -> tasks.complete(taskId)));
        }
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> attempt : attempts) {
            try {
                attempt.join();
            } catch (CompletionException e) {
                failures.add(e.getCause());
            }
        }
        fixtureStep.release();
        // The loser fails at flush (OptimisticLockingException) or, having loaded state the winner just
        // removed, earlier; either way its transaction rolls back.
        assertThat(failures).hasSize(1).first().isInstanceOf(ProcessEngineException.class);

        List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id,
                r -> EventsConsumer.hasType(r, "quorum.process.completed.v1"), WAIT);
        assertThat(records).filteredOn(r -> r.value().getType().equals("quorum.task.completed.v1")).hasSize(1);
        assertThat(records).filteredOn(r -> r.value().getType().equals("quorum.process.completed.v1")).hasSize(1);
        assertThat(records).extracting(r -> Long.parseLong(String.valueOf(r.value().getExtension("sequence"))))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, records.size()).boxed().toList());
    }

    /**
     * The events a kit receiver that expects each key from sequence 1 passes on, each record delivered twice as
     * after a relay's resend; a gap or a drop of anything but the repeats fails.
     */
    private static List<QuorumEvent> throughTheKit(List<ConsumerRecord<String, CloudEvent>> records) {
        List<QuorumEvent> passed = new ArrayList<>();
        QuorumEventReceiver receiver = new QuorumEventReceiver(new QuorumEventListener() {
            @Override
            public void onEvent(QuorumEvent event) {
                passed.add(event);
            }

            @Override
            public void onGap(Gap gap) {
                throw new AssertionError("gap " + gap);
            }

            @Override
            public void onDropped(QuorumEvent event, Drop reason) {
                assertThat(reason).isEqualTo(Drop.REPEATED_ID);
            }
        }, ReceiverSettings.defaults().readingFromFirstSequence());
        for (ConsumerRecord<String, CloudEvent> record : records) {
            receiver.accept(record.topic(), record.key(), record.value());
            receiver.accept(record.topic(), record.key(), record.value());
        }
        return passed;
    }
}
