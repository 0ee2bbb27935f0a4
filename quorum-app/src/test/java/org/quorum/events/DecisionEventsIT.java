package org.quorum.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorum.events.client.DecisionData;
import org.quorum.events.client.QuorumEvent;
import org.quorum.support.EventsConsumer;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;

@QuorumIntegrationTest
class DecisionEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DECISIONS = "quorum.decision-events";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    JdbcTemplate jdbc;

    EventsConsumer consumer;

    @BeforeEach
    void subscribe() {
        consumer = new EventsConsumer(String.join(",", kafka.getBootstrapServers()), DECISIONS);
    }

    @AfterEach
    void close() {
        consumer.close();
        identity.clearAuthentication();
    }

    @Test
    void endorsementDeclaredInTheModelIsPublishedOnTheDecisionTopicWithItsDeclaredVariables() throws Exception {
        Instant decidedOn = Instant.parse("2017-05-16T10:00:00Z");
        String id = runtime.startProcessInstanceByKey("decision-fixture", "REQ-MEX-LAB", Map.of(
                "facilityType", "REGIONAL_CUSTOMS_LABORATORY", "region", "AMERICAS_CARIBBEAN",
                "decidedOn", Date.from(decidedOn), "internalNote", "not for publication")).getId();
        complete(id, "endorse");

        List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id, r -> !r.isEmpty(), WAIT);

        assertThat(records).hasSize(1);
        CloudEvent event = records.get(0).value();
        assertThat(records.get(0).topic()).isEqualTo(DECISIONS);
        assertThat(event.getType()).isEqualTo("quorum.request.endorsed.v1");
        assertThat(event.getSubject()).isEqualTo("REQ-MEX-LAB");
        assertThat(String.valueOf(event.getExtension("sequence"))).isEqualTo("1");
        assertThat(event.getExtension("processdefinitionkey")).isEqualTo("decision-fixture");
        assertThat(event.getExtension("businesskey")).isEqualTo("REQ-MEX-LAB");
        DecisionData data = ((QuorumEvent.DecisionMade) consumer.typed(records.get(0))).data();
        assertThat(data.actor()).isEqualTo("vicechair");
        assertThat(data.decision()).isEqualTo("request.endorsed");
        assertThat(data.activityId()).isEqualTo("Event_RequestEndorsed");
        assertThat(data.activityName()).isEqualTo("Request endorsed");
        Map<String, Object> variables = data.variables();
        assertThat(variables.get("facilityType")).isEqualTo("REGIONAL_CUSTOMS_LABORATORY");
        assertThat(variables.get("region")).isEqualTo("AMERICAS_CARIBBEAN");
        assertThat(Instant.parse((String) variables.get("decidedOn"))).isEqualTo(decidedOn);
        assertThat(variables).as("undeclared variables stay private").doesNotContainKey("internalNote");
    }

    @Test
    void eachPathPublishesOnlyTheDecisionItReached() throws Exception {
        String id = runtime.startProcessInstanceByKey("decision-fixture",
                Map.of("facilityType", "REGIONAL_DOG_TRAINING_CENTRE", "region", "AMERICAS_CARIBBEAN")).getId();
        complete(id, "decline");

        List<ConsumerRecord<String, CloudEvent>> records = consumer.awaitKey(id, r -> !r.isEmpty(), WAIT);
        consumer.drain();

        assertThat(consumer.ofKey(id)).extracting(r -> r.value().getType())
                .containsExactly("quorum.request.declined.v1");
        assertThat(records.get(0).value().getSubject()).as("no business key: the instance").isEqualTo(id);
    }

    @Test
    void eventKafkaRefusesForGoIsDeadLetteredWithItsReasonAndTheEventsBehindItStillArrive() throws Exception {
        // Published as a 2 MB base64 string: over the producer's max.request.size (1 MiB).
        byte[] tooLarge = new byte[1536 * 1024];
        String refused = runtime.startProcessInstanceByKey("decision-fixture",
                Map.of("facilityType", "REGIONAL_CUSTOMS_LABORATORY", "region", tooLarge)).getId();
        String behind = runtime.startProcessInstanceByKey("decision-fixture",
                Map.of("facilityType", "REGIONAL_DOG_TRAINING_CENTRE", "region", "AMERICAS_CARIBBEAN")).getId();
        complete(refused, "endorse");
        complete(behind, "endorse");

        consumer.awaitKey(behind, r -> !r.isEmpty(), WAIT);

        assertThat(jdbc.queryForList("select reason from quorum_event_dead_letter where record_key = ? "
                + "and event_type = 'request.endorsed'", String.class, refused))
                .singleElement().asString().contains("RecordTooLargeException");
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox where record_key = ? and topic = ?",
                Long.class, refused, DECISIONS)).as("moved out of the outbox").isZero();
        assertThat(consumer.drain()).noneMatch(r -> r.key().equals(refused));
    }

    @Test
    void malformedDecisionDeclarationFailsTheDeploymentNamingTheElement() {
        String model = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://quorum.org/test">
                  <bpmn:process id="bad-decision" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Begin" targetRef="EndEvent_Done" />
                    <bpmn:endEvent id="EndEvent_Done">
                      <bpmn:extensionElements><camunda:properties>
                        <camunda:property name="quorum.decision" value="Request Endorsed" />
                      </camunda:properties></bpmn:extensionElements>
                    </bpmn:endEvent>
                  </bpmn:process>
                </bpmn:definitions>""";

        assertThatThrownBy(() -> repository.createDeployment().addString("bad-decision.bpmn", model).deploy())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("EndEvent_Done")
                .hasMessageContaining("quorum.decision 'Request Endorsed'");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("bad-decision").count()).isZero();
    }

    private void complete(String processInstanceId, String outcome) {
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        identity.setAuthentication("vicechair", List.of("regional-vice-chairs"));
        tasks.complete(taskId, Map.of("outcome", outcome));
        identity.clearAuthentication();
    }
}
