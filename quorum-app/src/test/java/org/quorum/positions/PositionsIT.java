package org.quorum.positions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quorum.support.EventsConsumer;
import org.quorum.support.ProcessIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;

/**
 * Tasks addressed to positions, on the real engine: who they reach before, during and after an interim. The job
 * executor is paused (as in the process tests), so the test itself runs the tenure-change jobs when their day
 * has come, instead of racing the executor for them.
 */
class PositionsIT extends ProcessIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Positions positions;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void theSeedsCaseSecretaryGeneralActsForTheVacantDeputyPostUntilTheSuccessorTakesOffice() throws Exception {
        String successor = user("dsg-successor");
        Instant departure = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String before = start("positions-fixture");
        assertThat(task(before).getAssignee()).as("before the vacancy: the Deputy").isEqualTo("dsg");

        // The Deputy leaves; the Secretary General assumes the Deputy's functions from the same moment.
        positions.end("DSG", holdingOf("DSG", "dsg").id(), departure);
        positions.appoint("DSG", HoldingKind.INTERIM, "sg", departure, null, "demo");
        assertThat(task(before).getAssignee()).as("open task moved to the interim holder").isEqualTo("sg");
        String during = start("positions-fixture");
        assertThat(task(during).getAssignee()).as("created during the interim").isEqualTo("sg");
        assertThat(tasks.getVariableLocal(task(during).getId(), "actingFor")).isEqualTo("DSG");
        identity.setAuthentication("sg", List.of("sg-office"));
        Filter acting = filters.createFilterQuery().filterName("Acting for DSG").singleResult();
        assertThat(filters.listPage(acting.getId(), 0, 100)).as("the interim holder's Tasklist filter")
                .extracting(t -> ((Task) t).getProcessInstanceId()).containsExactlyInAnyOrder(before, during);
        identity.clearAuthentication();

        try (EventsConsumer consumer = new EventsConsumer(String.join(",", kafka.getBootstrapServers()),
                "quorum.process-events", "quorum.decision-events")) {
            identity.setAuthentication("sg", List.of("sg-office"));
            String completedTask = task(during).getId();
            tasks.complete(completedTask);
            identity.clearAuthentication();

            // The record says who acted for whom: history and the published events.
            HistoricVariableInstance actingFor = history.createHistoricVariableInstanceQuery()
                    .taskIdIn(completedTask).variableName("actingFor").singleResult();
            assertThat(actingFor.getValue()).isEqualTo("DSG");
            assertThat(tasks.getTaskComments(completedTask)).extracting(c -> c.getFullMessage())
                    .contains("sg acting for DSG");
            List<ConsumerRecord<String, CloudEvent>> events = consumer.awaitKey(during,
                    r -> EventsConsumer.hasType(r, "quorum.approval.recorded.v1")
                            && EventsConsumer.hasType(r, "quorum.process.completed.v1"), WAIT);
            assertThat(events).filteredOn(r -> r.value().getType().equals("quorum.task.completed.v1")
                    || r.value().getType().equals("quorum.approval.recorded.v1"))
                    .hasSize(2).allSatisfy(r -> assertThat(r.value().getExtension("actingfor")).isEqualTo("DSG"));
            ConsumerRecord<String, CloudEvent> completed = events.stream()
                    .filter(r -> r.value().getType().equals("quorum.task.completed.v1")).findFirst().orElseThrow();
            JsonNode data = json.readTree(new String(completed.value().getData().toBytes(), StandardCharsets.UTF_8));
            assertThat(data.path("actor").asText()).isEqualTo("sg");
        }

        // The Council elects a successor, who takes office on a later date: the engine moves the work then.
        Instant takesOffice = departure.plus(Duration.ofDays(30));
        positions.appoint("DSG", HoldingKind.SUBSTANTIVE, successor, takesOffice, null, "demo");
        positions.endInterim("DSG", takesOffice);
        assertThat(task(before).getAssignee()).as("the interim goes on until that date").isEqualTo("sg");

        runTenureJobsDueBy(takesOffice.plusSeconds(1));

        Task moved = task(before);
        assertThat(moved.getAssignee()).as("open task reaches the successor").isEqualTo(successor);
        assertThat(tasks.getVariableLocal(moved.getId(), "actingFor")).as("the successor acts in own right").isNull();
        ClockUtil.setCurrentTime(Date.from(takesOffice.plusSeconds(60)));
        String after = start("positions-fixture");
        assertThat(task(after).getAssignee()).as("created after the interim").isEqualTo(successor);
    }

    @Test
    void aTaskOfAPositionNobodyHoldsWaitsForItsOfficeInsteadOfBeingLost() {
        String code = position();
        String id = start(deployTaskFor(code));

        Task task = task(id);
        assertThat(task.getAssignee()).isNull();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId()).contains("dsg-office");
    }

    @Test
    void interimDatedInTheFutureTakesOverOpenTasksWhenItsDayComes() {
        String code = position();
        Instant appointed = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        positions.appoint(code, HoldingKind.SUBSTANTIVE, "dsg", appointed, null, "demo");
        String id = start(deployTaskFor(code));
        Instant from = appointed.plus(Duration.ofDays(10));
        Instant to = appointed.plus(Duration.ofDays(20));
        positions.appoint(code, HoldingKind.INTERIM, "sg", from, to, "demo");
        assertThat(task(id).getAssignee()).isEqualTo("dsg");

        runTenureJobsDueBy(from.plusSeconds(1));
        assertThat(task(id).getAssignee()).as("interim started").isEqualTo("sg");
        assertThat(tasks.getVariableLocal(task(id).getId(), "actingFor")).isEqualTo(code);

        runTenureJobsDueBy(to.plusSeconds(1));
        assertThat(task(id).getAssignee()).as("interim ended: back to the holder").isEqualTo("dsg");
        assertThat(tasks.getVariableLocal(task(id).getId(), "actingFor")).isNull();
    }

    private String start(String processKey) {
        return runtime.startProcessInstanceByKey(processKey).getId();
    }

    private Task task(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private Holding holdingOf(String code, String userId) {
        return positions.holdings(code).stream().filter(h -> h.userId().equals(userId) && h.endsAt() == null)
                .findFirst().orElseThrow();
    }

    /** What the job executor does when tenure-change jobs fall due: run them, with the clock at {@code moment}. */
    private void runTenureJobsDueBy(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
        for (Job job : management.createJobQuery().duedateLowerThan(Date.from(moment)).list()) {
            if ("quorum-tenure-change".equals(((JobEntity) job).getJobHandlerType())) {
                management.executeJob(job.getId());
            }
        }
    }

    private String position() {
        String code = "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        positions.create(new Position(code, "Test position " + code, "dsg-office"));
        return code;
    }

    private String user(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName("Elected");
            user.setLastName("Successor");
            user.setPassword(id);
            identity.saveUser(user);
        }
        return id;
    }

    /** A one-task process addressed to {@code position}, deployed for this test. */
    private String deployTaskFor(String position) {
        String key = "position-task-" + position.toLowerCase().replace('_', '-');
        repository.createDeployment().addString(key + ".bpmn", """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://quorum.org/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Begin" targetRef="Task_Act" />
                    <bpmn:userTask id="Task_Act" name="Act">
                      <bpmn:extensionElements><camunda:properties>
                        <camunda:property name="quorum.position" value="%s" />
                      </camunda:properties></bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Act" targetRef="EndEvent_Done" />
                    <bpmn:endEvent id="EndEvent_Done" />
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, position)).deploy();
        return key;
    }
}
