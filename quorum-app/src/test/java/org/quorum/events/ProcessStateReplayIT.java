package org.quorum.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quorum.positions.ActingFor;
import org.quorum.positions.Positions;
import org.quorum.support.EventsConsumer;
import org.quorum.support.OwnApplication;
import org.quorum.support.QuorumIntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A subscriber that reads only the state topic knows, after the seed's 2017 replay, what Camunda's APIs say about
 * every instance and what Tasklist lists for every demo user. The replay changes who holds the DSG post, so it
 * runs in an application of its own, as {@code SeedReplayIT} does.
 */
@OwnApplication
@QuorumIntegrationTest
@TestPropertySource(properties = "quorum.test.context=process-state-replay")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessStateReplayIT {

    private static final Logger log = LoggerFactory.getLogger(ProcessStateReplayIT.class);
    private static final String STATE = "quorum.process-state";
    private static final String DECISIONS = "quorum.decision-events";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    TestRestTemplate http;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    EventsConsumer consumer;
    JsonNode summary;

    @BeforeAll
    void replay() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("demo", "demo")
                .postForEntity("/api/demo/replays/seed-2017", null, JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        summary = response.getBody();
        // The last steps (recording the Council's decisions, notifying requesters) are async jobs.
        Awaitility.await().atMost(WAIT).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(summary.path("conferenceInstanceId").asText()).completed().count() == 1
                && history.createHistoricProcessInstanceQuery().processDefinitionKey("regional-endorsement")
                .processInstanceBusinessKeyLike("REQ-2017-%").completed().count() >= 3);
        leaveOpenTasks();
        consumer = new EventsConsumer(String.join(",", kafka.getBootstrapServers()), STATE, DECISIONS);
    }

    /**
     * The replay ends with no user task open; these leave some: two requests waiting for the secretariat's check
     * (one claimed), a decision for the regional vice-chairs, and a task of the vacant DSG post, which reaches the
     * SG acting for it.
     */
    private void leaveOpenTasks() {
        String claimed = submit("REQ-2018-PER-LAB", "Peru");
        submit("REQ-2018-COL-DTC", "Colombia");
        tasks.claim(tasks.createTaskQuery().processInstanceId(claimed).singleResult().getId(), "officer");
        runtime.startProcessInstanceByKey("decision-fixture", "REQ-2018-DECIDE", Map.of(
                "facilityType", "REGIONAL_CUSTOMS_LABORATORY", "region", "AMERICAS_CARIBBEAN"));
        runtime.startProcessInstanceByKey("positions-fixture", "REQ-2018-DSG");
    }

    private String submit(String reference, String administration) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("officer", "officer").postForEntity(
                "/api/endorsement-requests", Map.of("requestingAdministration", administration,
                        "facilityType", "REGIONAL_CUSTOMS_LABORATORY", "region", "AMERICAS_CARIBBEAN",
                        "reference", reference, "requestSummary", "Recognition of a regional customs laboratory"),
                JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
        return response.getBody().path("processInstanceId").asText();
    }

    @AfterAll
    void close() {
        consumer.close();
    }

    @Test
    void lastStateOfEveryInstanceIsWhatCamundaSays() {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery().list();
        assertThat(instances).hasSizeGreaterThan(5);
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, CloudEvent> published = lastStates();
            for (HistoricProcessInstance instance : instances) {
                String id = instance.getId();
                assertThat(published).as("state of %s", id).containsKey(id);
                assertThat(fromState(published.get(id))).as("state of %s (%s)", id, instance.getBusinessKey())
                        .isEqualTo(fromCamunda(instance));
            }
        });
        String request = summary.path("endorsementInstanceIds").get(0).asText();
        consumer.ofKey(request).stream().filter(r -> r.topic().equals(STATE))
                .forEach(r -> log.info("State record of endorsement request: key={} sequence={} {}", r.key(),
                        r.value().getExtension("sequence"), new String(r.value().getData().toBytes(),
                                StandardCharsets.UTF_8)));
    }

    @Test
    void stateTopicAloneListsEveryDemoUsersTasklist() {
        List<String> ids = history.createHistoricProcessInstanceQuery().list().stream()
                .map(HistoricProcessInstance::getId).toList();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> openTasks = lastStates().values().stream().map(this::data)
                    .flatMap(state -> StreamSupport.stream(state.path("tasks").spliterator(), false)).toList();
            for (User user : identity.createUserQuery().list()) {
                Set<String> groups = identity.createGroupQuery().groupMember(user.getId()).list().stream()
                        .map(Group::getId).collect(Collectors.toSet());
                Set<String> mine = openTasks.stream()
                        .filter(t -> user.getId().equals(t.path("assignee").textValue()))
                        .map(t -> t.path("taskId").asText()).collect(Collectors.toSet());
                // Quorum's "My group tasks" filter lists assigned tasks of the user's groups too.
                Set<String> ofGroups = openTasks.stream()
                        .filter(t -> StreamSupport.stream(t.path("candidateGroups").spliterator(), false)
                                .anyMatch(g -> groups.contains(g.asText())))
                        .map(t -> t.path("taskId").asText()).collect(Collectors.toSet());
                assertThat(mine).as("My tasks of %s", user.getId())
                        .isEqualTo(taskIds(tasks.createTaskQuery().taskAssignee(user.getId()), ids));
                assertThat(ofGroups).as("My group tasks of %s", user.getId()).isEqualTo(groups.isEmpty() ? Set.of()
                        : taskIds(tasks.createTaskQuery().taskCandidateGroupIn(List.copyOf(groups))
                                .includeAssignedTasks(), ids));
            }
            assertThat(openTasks).as("open tasks").hasSize(4);
        });
    }

    private static Set<String> taskIds(TaskQuery query, List<String> processInstanceIds) {
        return query.processInstanceIdIn(processInstanceIds.toArray(String[]::new)).list().stream()
                .map(Task::getId).collect(Collectors.toSet());
    }

    record TaskView(String taskId, String name, String definitionKey, String assignee, Set<String> candidateGroups,
                    String position, String actingFor, Instant dueDate) {
    }

    record InstanceView(String definitionKey, Integer version, String businessKey, String state,
                        Set<String> activeActivities, Set<TaskView> tasks, String lastDecision, long sequence) {
    }

    private InstanceView fromCamunda(HistoricProcessInstance instance) {
        String id = instance.getId();
        Set<String> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id).unfinished()
                .list().stream().map(a -> a.getActivityId() + "/" + a.getId()).collect(Collectors.toSet());
        Set<TaskView> open = tasks.createTaskQuery().processInstanceId(id).list().stream()
                .map(t -> new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(),
                        tasks.getIdentityLinksForTask(t.getId()).stream()
                                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                                .map(l -> l.getGroupId()).collect(Collectors.toSet()),
                        (String) tasks.getVariableLocal(t.getId(), Positions.TASK_VARIABLE),
                        (String) tasks.getVariableLocal(t.getId(), ActingFor.TASK_VARIABLE),
                        t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                .collect(Collectors.toSet());
        String state = switch (instance.getState()) {
            case HistoricProcessInstance.STATE_ACTIVE, HistoricProcessInstance.STATE_SUSPENDED -> "active";
            case HistoricProcessInstance.STATE_COMPLETED -> "completed";
            default -> "cancelled";
        };
        Long sequence = jdbc.queryForObject("select max(sequence) from quorum_event_outbox where topic = ? "
                + "and process_instance_id = ?", Long.class, "quorum.process-events", id);
        return new InstanceView(instance.getProcessDefinitionKey(), instance.getProcessDefinitionVersion(),
                instance.getBusinessKey(), state, activities, open, lastDecision(id), sequence);
    }

    private InstanceView fromState(CloudEvent record) {
        JsonNode state = data(record);
        Set<String> activities = new HashSet<>();
        state.path("activities").forEach(a -> activities.add(a.path("activityId").asText() + "/"
                + a.path("activityInstanceId").asText()));
        Set<TaskView> open = new HashSet<>();
        state.path("tasks").forEach(t -> {
            Set<String> groups = new HashSet<>();
            t.path("candidateGroups").forEach(g -> groups.add(g.asText()));
            open.add(new TaskView(t.path("taskId").textValue(), t.path("taskName").textValue(),
                    t.path("taskDefinitionKey").textValue(), t.path("assignee").textValue(), groups,
                    t.path("position").textValue(), t.path("actingFor").textValue(),
                    t.path("dueDate").isNull() ? null : Instant.parse(t.path("dueDate").asText())));
        });
        return new InstanceView(state.path("processDefinitionKey").textValue(),
                state.path("processDefinitionVersion").asInt(), state.path("businessKey").textValue(),
                state.path("state").textValue(), activities, open,
                state.path("lastDecision").path("type").textValue(), state.path("sequence").asLong());
    }

    /** The type of the instance's last decision event, as the decision topic has it. */
    private String lastDecision(String processInstanceId) {
        List<ConsumerRecord<String, CloudEvent>> decisions = consumer.drain().stream()
                .filter(r -> r.topic().equals(DECISIONS))
                .filter(r -> processInstanceId.equals(r.value().getExtension("processinstanceid"))).toList();
        return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).value().getType();
    }

    /** The last record of every key of the state topic, tombstones (null values) left out. */
    private Map<String, CloudEvent> lastStates() {
        Map<String, CloudEvent> last = new TreeMap<>();
        consumer.drain().stream().filter(r -> r.topic().equals(STATE)).forEach(r -> last.put(r.key(), r.value()));
        Map<String, CloudEvent> live = new HashMap<>(last);
        live.values().removeIf(Objects::isNull);
        return live;
    }

    private JsonNode data(CloudEvent event) {
        try {
            return json.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
