package org.quorum.events.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class QuorumEventReceiverTest {

    private static final String TOPIC = KafkaRecords.TOPIC;

    private final RecordingListener listener = new RecordingListener();
    private final QuorumEventReceiver receiver = new QuorumEventReceiver(listener);

    @Test
    void aRepeatedIdIsDroppedAsRedelivery() {
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("e1", "p1", 1));
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("e1", "p1", 1));
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("e2", "p1", 2));

        assertThat(listener.calls).containsExactly("event 1", "REPEATED_ID 1", "event 2");
    }

    @Test
    void aJumpInSequenceIsReportedWithTheMissingNumbersBeforeTheEvent() {
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("e1", "p1", 1));
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("e5", "p1", 5));

        assertThat(listener.calls).containsExactly("event 1", "gap [2, 3, 4]", "event 5");
        assertThat(listener.gaps).containsExactly(new Gap(TOPIC, "p1", 2, 4));
    }

    @Test
    void aSequenceAtOrBelowTheLastHandledIsStaleNotAGap() {
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("e1", "p1", 1));
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("e2", "p1", 2));
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("other-id", "p1", 2));
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("older", "p1", 1));

        assertThat(listener.calls).containsExactly("event 1", "event 2", "STALE_SEQUENCE 2", "STALE_SEQUENCE 1");
    }

    @Test
    void keysAndTopicsAreNumberedApart() {
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("a1", "p1", 1));
        receiver.accept(TOPIC, "p2", KafkaRecords.taskCreated("b1", "p2", 1));
        receiver.accept("quorum.decision-events", "p1", KafkaRecords.taskCreated("d1", "p1", 1));
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("a2", "p1", 2));

        assertThat(listener.calls).containsExactly("event 1", "event 1", "event 1", "event 2");
    }

    @Test
    void aKeyJoinedMidwaySetsTheMarkUnlessTheConsumerReadsFromTheFirstSequence() {
        receiver.accept(TOPIC, "p1", KafkaRecords.taskCreated("e7", "p1", 7));
        RecordingListener fromStart = new RecordingListener();
        new QuorumEventReceiver(fromStart, ReceiverSettings.defaults().readingFromFirstSequence())
                .accept(TOPIC, "p1", KafkaRecords.taskCreated("e3", "p1", 3));

        assertThat(listener.calls).containsExactly("event 7");
        assertThat(fromStart.calls).containsExactly("gap [1, 2]", "event 3");
    }

    @Test
    void theWindowForgetsTheLeastRecentlySeenIds() {
        QuorumEventReceiver small = new QuorumEventReceiver(listener, ReceiverSettings.defaults().withDeduplicationWindow(2));
        small.accept(TOPIC, "a", KafkaRecords.taskCreated("e1", "a", 1));
        small.accept(TOPIC, "b", KafkaRecords.taskCreated("e2", "b", 1));
        small.accept(TOPIC, "c", KafkaRecords.taskCreated("e3", "c", 1));
        small.accept(TOPIC, "a", KafkaRecords.taskCreated("e1", "a", 1));
        small.accept(TOPIC, "c", KafkaRecords.taskCreated("e3", "c", 1));

        assertThat(listener.calls).containsExactly("event 1", "event 1", "event 1", "STALE_SEQUENCE 1", "REPEATED_ID 1");
    }

    @Test
    void anEventTheListenerFailedOnPassesAgainWhenRedelivered() {
        QuorumEventListener failingOnce = new RecordingListener() {
            private boolean failed;

            @Override
            public void onEvent(QuorumEvent event) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("the subscriber's database is away");
                }
                super.onEvent(event);
            }
        };
        QuorumEventReceiver receiving = new QuorumEventReceiver(failingOnce);
        CloudEvent event = KafkaRecords.taskCreated("e1", "p1", 1);

        assertThatThrownBy(() -> receiving.accept(TOPIC, "p1", event)).isInstanceOf(IllegalStateException.class);
        receiving.accept(TOPIC, "p1", event);

        assertThat(((RecordingListener) failingOnce).calls).containsExactly("event 1");
    }

    @Test
    void statesSkipSequenceNumbersByDesignAndATombstoneSaysTheInstanceIsGone() {
        receiver.accept("quorum.process-state", "p1", state("s1", 3));
        receiver.accept("quorum.process-state", "p1", state("s2", 9));
        receiver.accept(new ConsumerRecord<>("quorum.process-state", 0, 2, 0L, TimestampType.CREATE_TIME, 0, 0,
                "p1", null, KafkaRecords.serialize(state("s3", 9), Encoding.BINARY).getKey(), Optional.empty()));
        receiver.accept("quorum.process-state", "p2", CloudEventBuilder.v1(state("s4", 1)).withoutData().build());

        assertThat(listener.calls).containsExactly("event 3", "event 9", "tombstone p1", "tombstone p2");
        assertThat(((QuorumEvent.ProcessStateChanged) listener.events.get(1)).data().state())
                .isEqualTo(ProcessState.State.ACTIVE);
    }

    @Test
    void recordsFromKafkaAreParsedFromTheirHeaders() {
        receiver.accept(KafkaRecords.record("p1", 0, KafkaRecords.taskCreated("e1", "p1", 1)));

        assertThat(listener.events).singleElement().isInstanceOf(QuorumEvent.TaskCreated.class);
    }

    private static CloudEvent state(String id, long sequence) {
        String data = """
                {"processInstanceId":"p1","rootProcessInstanceId":"p1","superProcessInstanceId":null,
                 "processDefinitionKey":"regional-endorsement","processDefinitionId":"regional-endorsement:3:x",
                 "processDefinitionVersion":3,"businessKey":"REQ-1","state":"active",
                 "startedAt":"2026-11-28T22:40:00Z","endedAt":null,
                 "activities":[{"activityInstanceId":"Task_CheckRequest:1","activityId":"Task_CheckRequest",
                   "activityName":"Check request","activityType":"userTask"}],
                 "tasks":[{"taskId":"t1","taskName":"Check request","taskDefinitionKey":"Task_CheckRequest",
                   "assignee":null,"candidateGroups":["secretariat"],"position":null,"actingFor":null,"dueDate":null,
                   "createdAt":"2026-11-28T22:40:00Z"}],
                 "lastDecision":null,"sequence":%d,"time":"2026-11-28T22:41:07.311Z","actor":"officer"}
                """.formatted(sequence);
        return CloudEventBuilder.v1(KafkaRecords.taskCreated(id, "p1", sequence)).withType("quorum.process.state.v1")
                .withData("application/json", data.getBytes(StandardCharsets.UTF_8)).build();
    }
}
