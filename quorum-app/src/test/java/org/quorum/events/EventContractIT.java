package org.quorum.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quorum.events.client.QuorumEvent;
import org.quorum.support.EventsConsumer;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.yaml.snakeyaml.Yaml;
import org.quorum.support.RepositoryFiles;

/**
 * The consumer contract in docs/: every event read from Kafka, and every example in the AsyncAPI document,
 * matches the JSON Schema of its type and reads into a typed record of the consumer kit, and every lifecycle
 * type is both documented and produced.
 */
@QuorumIntegrationTest
class EventContractIT {

    private static final Path DOCS = RepositoryFiles.path("docs");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Set<String> LIFECYCLE_TYPES = Set.of(
            "process.started", "process.completed", "process.cancelled", "activity.started", "activity.completed",
            "timer.fired", "message.correlated", "task.created", "task.assigned", "task.unassigned",
            "task.completed", "task.deleted", "incident.created", "incident.resolved", "incident.deleted",
            "decision.evaluated");
    private static final String STATE_TYPE = "quorum.process.state.v1";

    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<String, JsonSchema> loaded = new HashMap<>();

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void everyExampleInTheAsyncApiDocumentMatchesTheSchemaOfItsMessage() throws IOException {
        JsonNode asyncApi = json.valueToTree(new Yaml().load(Files.readString(DOCS.resolve("asyncapi.yaml"))));
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");

        Set<String> referenced = new TreeSet<>();
        asyncApi.path("components").path("messages").forEach(message -> {
            String schemaFile = message.path("payload").path("$ref").asText().replace("./schemas/", "");
            referenced.add(schemaFile);
            assertThat(message.path("examples")).as(message.path("name").asText() + " has an example").isNotEmpty();
            message.path("examples").forEach(example -> {
                assertValid(schemaFile, example.path("payload"), message.path("name").asText());
                String type = example.path("headers").path("ce_type").asText();
                assertThat(schemaFor("process-or-decision", type)).isEqualTo(schemaFile);
            });
        });

        try (Stream<Path> files = Files.list(DOCS.resolve("schemas"))) {
            assertThat(referenced).as("every schema is described by a message")
                    .containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString()).toList());
        }
        assertThat(referenced).containsAll(LIFECYCLE_TYPES.stream().map(t -> t + ".json").toList());
    }

    @Test
    void aFieldTheSchemaDoesNotDocumentFailsTheCheckThoughThePublishedSchemaIsOpen() throws IOException {
        ObjectNode data = (ObjectNode) json.readTree("""
                {"actor":"officer","decisionDefinitionKey":"request-eligibility","decisionDefinitionName":null,
                 "decisionInstanceId":"d1","activityId":null,"outcome":[{"ruleId":null,"name":"eligible","value":true}]}""");
        assertThat(errors("decision.evaluated.json", data, "documented data")).isEmpty();

        data.put("undocumented", "x");
        ((ObjectNode) data.path("outcome").get(0)).put("alsoUndocumented", 1);
        assertThat(errors("decision.evaluated.json", data, "undocumented fields")).hasSize(2)
                .anySatisfy(error -> assertThat(error).contains("undocumented"))
                .anySatisfy(error -> assertThat(error).contains("alsoUndocumented"));
        assertThat(Files.readString(DOCS.resolve("schemas").resolve("decision.evaluated.json")))
                .as("the published schema stays open").doesNotContain("additionalProperties");
    }

    @Test
    void everyEventConsumedFromKafkaMatchesTheSchemaOfItsType() throws Exception {
        try (EventsConsumer consumer = new EventsConsumer(String.join(",", kafka.getBootstrapServers()),
                "quorum.process-events", "quorum.decision-events", "quorum.process-state")) {
            String worked = taskClaimedUnclaimedAndCompleted();
            String cancelled = instanceWithTaskAndIncidentCancelled();
            String waited = decisionTimerMessageAndResolvedIncident();
            String decided = endorsementDecided();

            for (String key : List.of(worked, cancelled, waited, decided)) {
                consumer.awaitKey(key, r -> EventsConsumer.hasType(r, "quorum.process.completed.v1")
                        || EventsConsumer.hasType(r, "quorum.process.cancelled.v1"), WAIT);
            }
            consumer.awaitKey(decided, r -> EventsConsumer.hasType(r, "quorum.request.endorsed.v1"), WAIT);

            Set<String> seen = new TreeSet<>();
            for (String key : List.of(worked, cancelled, waited, decided)) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.ofKey(key)) {
                    String type = record.value().getType();
                    JsonNode data = json.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
                    assertValid(schemaFor(record.topic(), type), data, type);
                    assertThat(consumer.typed(record)).as("%s read by the consumer kit", type)
                            .isNotInstanceOf(QuorumEvent.UnknownEvent.class);
                    seen.add(type);
                }
            }
            assertThat(consumer.ofKey(cancelled)).extracting(r -> r.value().getType())
                    .as("a cancelled instance's open task is deleted, not completed")
                    .contains("quorum.task.deleted.v1").doesNotContain("quorum.task.completed.v1");
            assertThat(seen).containsAll(LIFECYCLE_TYPES.stream().map(t -> "quorum." + t + ".v1").toList())
                    .contains("quorum.request.endorsed.v1", STATE_TYPE);
        }
    }

    private String taskClaimedUnclaimedAndCompleted() {
        String id = runtime.startProcessInstanceByKey("events-fixture", "CONTRACT-1").getId();
        String taskId = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
        identity.setAuthentication("officer", List.of("secretariat"));
        tasks.claim(taskId, "officer");
        tasks.setAssignee(taskId, null);
        tasks.claim(taskId, "officer");
        tasks.complete(taskId);
        identity.clearAuthentication();
        return id;
    }

    private String instanceWithTaskAndIncidentCancelled() {
        String id = runtime.startProcessInstanceByKey("events-fixture", "CONTRACT-2").getId();
        runtime.createIncident("contractCheck", id, "open when the instance is cancelled", "checked by the test");
        runtime.deleteProcessInstance(id, "Request withdrawn by the administration");
        return id;
    }

    private String decisionTimerMessageAndResolvedIncident() {
        String id = runtime.startProcessInstanceByKey("contract-fixture", "CONTRACT-3",
                Map.of("facilityType", "REGIONAL_CUSTOMS_LABORATORY")).getId();
        String waiting = runtime.createExecutionQuery().processInstanceId(id).activityId("Timer_Wait").singleResult().getId();
        Incident incident = runtime.createIncident("contractCheck", waiting, "resolved at once", "checked by the test");
        runtime.resolveIncident(incident.getId());
        management.executeJob(management.createJobQuery().processInstanceId(id).timers().singleResult().getId());
        runtime.createMessageCorrelation("ContractReply").processInstanceId(id).correlate();
        return id;
    }

    private String endorsementDecided() {
        String id = runtime.startProcessInstanceByKey("decision-fixture",
                Map.of("facilityType", "REGIONAL_DOG_TRAINING_CENTRE", "region", "AMERICAS_CARIBBEAN")).getId();
        String taskId = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
        identity.setAuthentication("vicechair", List.of("regional-vice-chairs"));
        tasks.complete(taskId, Map.of("outcome", "endorse"));
        identity.clearAuthentication();
        return id;
    }

    /**
     * Decision events share one schema; a lifecycle type {@code quorum.<what>.v1} has {@code <what>.json}, and so
     * has the state topic's.
     */
    private static String schemaFor(String topic, String type) {
        if ("quorum.decision-events".equals(topic)) {
            return "decision.json";
        }
        if (STATE_TYPE.equals(type)) {
            return "process.state.json";
        }
        String what = type.substring("quorum.".length(), type.length() - ".v1".length());
        return LIFECYCLE_TYPES.contains(what) ? what + ".json" : "decision.json";
    }

    private void assertValid(String schemaFile, JsonNode data, String what) {
        assertThat(errors(schemaFile, data, what)).as("%s data %s against %s", what, data, schemaFile).isEmpty();
    }

    private List<String> errors(String schemaFile, JsonNode data, String what) {
        JsonSchema schema = loaded.computeIfAbsent(schemaFile, file -> {
            try {
                return schemas.getSchema(closed(json.readTree(DOCS.resolve("schemas").resolve(file).toFile())));
            } catch (IOException e) {
                throw new IllegalStateException("No schema " + file + " for " + what, e);
            }
        });
        return schema.validate(data).stream().map(ValidationMessage::getMessage).collect(Collectors.toList());
    }

    /**
     * The published schemas are open so that consumers ignore fields added later (docs/events.md, "Compatibility
     * rules"); the producer is held to exactly what they document: an object that lists its properties has no others.
     */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(EventContractIT::closed);
        } else if (schema.isArray()) {
            schema.forEach(EventContractIT::closed);
        }
        return schema;
    }
}
