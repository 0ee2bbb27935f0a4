package org.quorum.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorum.support.EventsConsumer;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;

/** The state topic, read by a plain consumer: one record per transaction of an instance, then its tombstone. */
@QuorumIntegrationTest
class ProcessStateIT {

    private static final String STATE = "quorum.process-state";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessStateSweep sweep;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    EventsConsumer consumer;

    @BeforeEach
    void subscribe() {
        consumer = new EventsConsumer(bootstrapServers(), STATE);
    }

    @AfterEach
    void close() {
        consumer.close();
        identity.clearAuthentication();
    }

    @Test
    void stateFollowsTheTaskThroughItsGroupAndClaimAndEndsWithTheDecision() throws Exception {
        String id = runtime.startProcessInstanceByKey("decision-fixture", "REQ-STATE-1", Map.of(
                "facilityType", "REGIONAL_CUSTOMS_LABORATORY", "region", "AMERICAS_CARIBBEAN")).getId();
        String taskId = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();

        JsonNode started = data(last(consumer.awaitKey(id, r -> !r.isEmpty(), WAIT)));
        assertThat(started.path("state").asText()).isEqualTo("active");
        assertThat(started.path("processDefinitionKey").asText()).isEqualTo("decision-fixture");
        assertThat(started.path("businessKey").asText()).isEqualTo("REQ-STATE-1");
        assertThat(started.path("activities")).extracting(a -> a.path("activityId").asText())
                .containsExactly("Task_Decide");
        JsonNode task = started.path("tasks").get(0);
        assertThat(task.path("taskId").asText()).isEqualTo(taskId);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_Decide");
        assertThat(task.path("taskName").asText()).isEqualTo("Decide");
        assertThat(task.path("assignee").isNull()).isTrue();
        assertThat(task.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("regional-vice-chairs");

        tasks.claim(taskId, "vicechair");
        JsonNode claimed = data(last(consumer.awaitKey(id, r -> r.size() >= 2, WAIT)));
        assertThat(claimed.path("tasks").get(0).path("assignee").asText()).isEqualTo("vicechair");

        identity.setAuthentication("vicechair", List.of("regional-vice-chairs"));
        tasks.complete(taskId, Map.of("outcome", "endorse"));
        identity.clearAuthentication();
        List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id,
                r -> !r.isEmpty() && data(last(r)).path("state").asText().equals("completed"), WAIT);

        JsonNode ended = data(last(records));
        assertThat(ended.path("tasks")).isEmpty();
        assertThat(ended.path("activities")).isEmpty();
        assertThat(ended.path("actor").asText()).isEqualTo("vicechair");
        assertThat(ended.path("lastDecision").path("type").asText()).isEqualTo("quorum.request.endorsed.v1");
        assertThat(ended.path("sequence").asLong()).as("the instance's last lifecycle event").isEqualTo(
                jdbc.queryForObject("select max(sequence) from quorum_event_outbox where topic = ? "
                        + "and process_instance_id = ?", Long.class, "quorum.process-events", id));
        assertThat(records).extracting(r -> Long.parseLong(String.valueOf(r.value().getExtension("sequence"))))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, records.size()).boxed().toList());
        assertThat(records).allSatisfy(r -> {
            assertThat(r.value().getType()).isEqualTo("quorum.process.state.v1");
            assertThat(r.value().getSubject()).isEqualTo(id);
            assertThat(r.value().getExtension("processinstanceid")).isEqualTo(id);
            assertThat(r.value().getExtension("businesskey")).isEqualTo("REQ-STATE-1");
        });
    }

    @Test
    void instanceWhoseHistoryIsRemovedGetsATombstoneAfterTheSweep() throws Exception {
        String id = runtime.startProcessInstanceByKey("decision-fixture", "REQ-STATE-2", Map.of(
                "facilityType", "REGIONAL_CUSTOMS_LABORATORY", "region", "AMERICAS_CARIBBEAN")).getId();
        runtime.deleteProcessInstance(id, "withdrawn");
        consumer.awaitKey(id, r -> !r.isEmpty() && data(last(r)).path("state").asText().equals("cancelled"), WAIT);

        sweep.sweep();
        assertThat(stateRows(id)).as("an ended instance with history keeps its state").isEqualTo(1);

        history.deleteHistoricProcessInstance(id);
        sweep.sweep();

        assertThat(stateRows(id)).isZero();
        // Kafka hands a null value to the consumer as it is, without asking the CloudEvents deserializer.
        List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id,
                r -> !r.isEmpty() && last(r).value() == null, WAIT);
        ConsumerRecord<String, CloudEvent> tombstone = last(records);
        assertThat(header(tombstone, "ce_type")).isEqualTo("quorum.process.state.v1");
        assertThat(header(tombstone, "ce_subject")).isEqualTo(id);
        assertThat(header(tombstone, "ce_sequence")).isEqualTo(String.valueOf(records.size()));
        assertThat(rawValues(id)).as("Kafka's values of the key, the last one a tombstone").last().isNull();
    }

    @Test
    void instanceRunningSinceBeforeTheStateTopicGetsItsWholeStateWithItsNextTransition() throws Exception {
        String id = runtime.startProcessInstanceByKey("decision-fixture", "REQ-STATE-3", Map.of(
                "facilityType", "REGIONAL_CUSTOMS_LABORATORY", "region", "AMERICAS_CARIBBEAN")).getId();
        String taskId = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
        consumer.awaitKey(id, r -> !r.isEmpty(), WAIT);
        jdbc.update("delete from quorum_process_state where process_instance_id = ?", id);

        identity.setAuthentication("vicechair", List.of("regional-vice-chairs"));
        tasks.claim(taskId, "vicechair");
        assertThat(identity.getCurrentAuthentication().getUserId()).as("still signed in").isEqualTo("vicechair");
        identity.clearAuthentication();

        JsonNode state = data(last(consumer.awaitKey(id, r -> r.size() >= 2, WAIT)));
        assertThat(state.path("businessKey").asText()).isEqualTo("REQ-STATE-3");
        assertThat(state.path("processDefinitionVersion").isInt()).isTrue();
        assertThat(state.path("startedAt").isTextual()).isTrue();
        assertThat(state.path("activities")).extracting(a -> a.path("activityId").asText())
                .containsExactly("Task_Decide");
        JsonNode task = state.path("tasks").get(0);
        assertThat(task.path("taskId").asText()).isEqualTo(taskId);
        assertThat(task.path("assignee").asText()).isEqualTo("vicechair");
        assertThat(task.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("regional-vice-chairs");
        assertThat(state.path("sequence").asLong()).isEqualTo(
                jdbc.queryForObject("select max(sequence) from quorum_event_outbox where topic = ? "
                        + "and process_instance_id = ?", Long.class, "quorum.process-events", id));
    }

    private static String header(ConsumerRecord<String, CloudEvent> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private long stateRows(String id) {
        return jdbc.queryForObject("select count(*) from quorum_process_state where process_instance_id = ?",
                Long.class, id);
    }

    /** The values as Kafka holds them, without the CloudEvents deserializer. */
    private List<byte[]> rawValues(String key) {
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> raw = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            raw.subscribe(List.of(STATE));
            Awaitility.await().atMost(WAIT).until(() -> {
                raw.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        values.add(r.value());
                    }
                });
                return values.size() >= 2 && values.get(values.size() - 1) == null;
            });
        }
        return values;
    }

    private String bootstrapServers() {
        return String.join(",", kafka.getBootstrapServers());
    }

    private static ConsumerRecord<String, CloudEvent> last(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.get(records.size() - 1);
    }

    private JsonNode data(ConsumerRecord<String, CloudEvent> record) {
        try {
            return json.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
