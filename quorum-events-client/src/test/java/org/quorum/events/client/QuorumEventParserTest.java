package org.quorum.events.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The samples in the product's docs read into typed records, in both CloudEvents content modes. */
class QuorumEventParserTest {

    private static final Path DOCS = Path.of("../docs");

    private final QuorumEventParser parser = new QuorumEventParser();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theTaskCompletedExampleOfEventsMdReadsIntoItsRecord() throws IOException {
        Matcher example = Pattern.compile("Example \\(`quorum.task.completed.v1`\\).*?```\\n(.*?)\\n\\n(.*?)\\n```",
                Pattern.DOTALL).matcher(Files.readString(DOCS.resolve("events.md")));
        assertThat(example.find()).as("the example in docs/events.md").isTrue();
        Headers headers = new RecordHeaders();
        for (String line : example.group(1).split("\\n")) {
            String[] header = line.split(": ", 2);
            headers.add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }

        QuorumEvent event = parser.parse(parser.cloudEvent(KafkaRecords.TOPIC, headers,
                example.group(2).getBytes(StandardCharsets.UTF_8)));

        assertThat(event).isInstanceOf(QuorumEvent.TaskCompleted.class);
        QuorumEvent.TaskCompleted completed = (QuorumEvent.TaskCompleted) event;
        assertThat(completed.data().taskDefinitionKey()).isEqualTo("Task_CheckRequest");
        assertThat(completed.data().priority()).isEqualTo(50);
        assertThat(completed.envelope()).isEqualTo(new Envelope("3c0f5c1e-3b9a-4c56-9a49-8f3f0f5e2f4b",
                java.net.URI.create("/quorum"), "quorum.task.completed.v1", Instant.parse("2026-11-28T22:41:07.311Z"),
                "5f6b0a8e-cd1e-11f1-a357-02fc00000001", "regional-endorsement", "5f5e7c21-cd1e-11f1-a357-02fc00000001",
                "5f5e7c21-cd1e-11f1-a357-02fc00000001", "REQ-2017-001", 6L, null));
    }

    @Test
    void everyAsyncApiExampleReadsIntoATypedRecordInBothContentModes() throws IOException {
        JsonNode messages = new YAMLMapper().readTree(DOCS.resolve("asyncapi.yaml").toFile())
                .path("components").path("messages");
        List<String> read = new ArrayList<>();
        for (JsonNode message : messages) {
            for (JsonNode example : message.path("examples")) {
                Headers headers = new RecordHeaders();
                example.path("headers").fields().forEachRemaining(h ->
                        headers.add(h.getKey(), h.getValue().asText().getBytes(StandardCharsets.UTF_8)));
                CloudEvent binary = parser.cloudEvent(KafkaRecords.TOPIC, headers,
                        json.writeValueAsBytes(example.path("payload")));
                QuorumEvent event = parser.parse(binary);

                assertThat(event).as(example.path("name").asText()).isNotInstanceOf(QuorumEvent.UnknownEvent.class);
                assertThat(event.type()).isEqualTo(example.path("headers").path("ce_type").asText());
                assertThat(event.envelope().sequence()).isEqualTo(example.path("headers").path("ce_sequence").asLong());
                assertThat(inStructuredMode(binary)).as("the same event in structured mode").isEqualTo(event);
                read.add(event.getClass().getSimpleName());
            }
        }
        assertThat(read).contains("ProcessStarted", "TaskCompleted", "DecisionEvaluated", "DecisionMade")
                .hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void theDecisionExampleOfEventsMdReadsWithItsVariables() throws IOException {
        Matcher example = Pattern.compile("```json\\n(\\{\"actor\":\"vicechair\".*?)\\n```", Pattern.DOTALL)
                .matcher(Files.readString(DOCS.resolve("events.md")));
        assertThat(example.find()).isTrue();

        QuorumEvent event = parser.parse(event("quorum.request.endorsed.v1", example.group(1)));

        assertThat(event).isInstanceOf(QuorumEvent.DecisionMade.class);
        DecisionData data = ((QuorumEvent.DecisionMade) event).data();
        assertThat(data.decision()).isEqualTo("request.endorsed");
        assertThat(data.variables()).containsEntry("requestingAdministration", "Mexico")
                .containsEntry("region", "AMERICAS_CARIBBEAN");
    }

    @Test
    void fieldsAddedByALaterReleaseAreIgnored() {
        QuorumEvent event = parser.parse(event("quorum.incident.created.v1", """
                {"actor":null,"incidentId":"i1","incidentType":"failedJob","incidentMessage":null,
                 "activityId":"Task_A","failedActivityId":"Task_A","retriesLeft":0,"annotation":{"by":"ops"}}
                """));

        assertThat(event).isEqualTo(new QuorumEvent.IncidentCreated(event.envelope(),
                new IncidentData(null, "i1", "failedJob", null, "Task_A", "Task_A")));
    }

    @Test
    void aTypeTheKitDoesNotKnowArrivesAsUnknownEvent() {
        String data = "{\"actor\":\"officer\",\"taskId\":\"t1\",\"escalatedTo\":\"chair\"}";

        QuorumEvent escalated = parser.parse(event("quorum.task.escalated.v1", data));
        QuorumEvent nextVersion = parser.parse(event("quorum.task.created.v2", data));

        assertThat(escalated).isInstanceOf(QuorumEvent.UnknownEvent.class);
        assertThat(new String(((QuorumEvent.UnknownEvent) escalated).data(), StandardCharsets.UTF_8)).isEqualTo(data);
        assertThat(nextVersion).isInstanceOf(QuorumEvent.UnknownEvent.class);
    }

    @Test
    void aKnownTypeWhoseDataBreaksItsSchemaIsRefusedWithItsIdAndType() throws IOException {
        ObjectNode data = (ObjectNode) json.readTree(new String(KafkaRecords.taskCreated("e1", "p1", 1)
                .getData().toBytes(), StandardCharsets.UTF_8));
        data.remove("priority");

        assertThatThrownBy(() -> parser.parse(event("quorum.task.created.v1", data.toString())))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("quorum.task.created.v1").hasMessageContaining("TaskCreatedData");
    }

    private QuorumEvent inStructuredMode(CloudEvent binary) {
        Map.Entry<Headers, byte[]> structured = KafkaRecords.serialize(binary, Encoding.STRUCTURED);
        assertThat(new String(structured.getKey().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");
        return parser.parse(parser.cloudEvent(KafkaRecords.TOPIC, structured.getKey(), structured.getValue()));
    }

    private static CloudEvent event(String type, String data) {
        return CloudEventBuilder.v1(KafkaRecords.taskCreated("e-" + type, "p1", 1))
                .withType(type).withData("application/json", data.getBytes(StandardCharsets.UTF_8)).build();
    }
}
