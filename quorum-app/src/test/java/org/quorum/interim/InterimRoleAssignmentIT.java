package org.quorum.interim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.quorum.positions.Holding;
import org.quorum.positions.HoldingKind;
import org.quorum.positions.Incumbent;
import org.quorum.positions.Position;
import org.quorum.positions.Positions;
import org.quorum.support.ProcessIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class InterimRoleAssignmentIT extends ProcessIntegrationTest {

    @Autowired
    Positions positions;

    /** A post of its own per test, held by {@code dsg} since 2017, so that tests never share tenures. */
    private String post() {
        String code = "POST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        positions.create(new Position(code, "Test post " + code, "dsg-office"));
        positions.appoint(code, HoldingKind.SUBSTANTIVE, "dsg", Instant.parse("2017-01-01T00:00:00Z"), null, "test");
        return code;
    }

    private ProcessInstance vacancy(String postId, String postTitle) {
        return runtimeService().startProcessInstanceByKey(InterimVariables.PROCESS_ID, postId, withVariables(
                "postId", postId, "postTitle", postTitle, "outgoingHolder", "Outgoing holder",
                "vacancyDate", "2031-01-01T00:00Z"));
    }

    private void designateAndStart(ProcessInstance interim) {
        assertThat(task("Task_DesignateInterimHolder", interim)).hasCandidateGroup("sg-office");
        assertThat(task("Task_DesignateInterimHolder", interim).getDueDate().toInstant())
                .hasToString("2031-01-01T00:00:00Z");
        complete(task("Task_DesignateInterimHolder", interim), withVariables(
                "interimHolder", "SG", "interimEffectiveDate", "2031-01-01T00:00Z"));
        assertThat(interim).isWaitingAt("Timer_InterimEffectiveDate");
        execute(job("Timer_InterimEffectiveDate", interim));
    }

    @Test
    void deploysWithAFormForEveryUserTask() throws Exception {
        assertDeployedWithFormsAndCandidateGroups(InterimVariables.PROCESS_ID);
    }

    @Test
    void interimRunsFromVacancyUntilTheElectedSuccessorTakesOffice() {
        String post = post();
        ProcessInstance interim = vacancy(post, "Deputy Secretary General");
        designateAndStart(interim);
        assertThat(interim).hasPassed("Task_StartInterim", "Event_InterimStarted")
                .isWaitingAt("Event_SuccessorElectionReceived");
        assertThat(interim).variables().containsKey("interimStartedAt").containsEntry("interimHolderUser", "sg");
        assertThat(positions.incumbent(post, Instant.parse("2031-06-01T00:00:00Z")))
                .as("the SG covers the post from the effective date").contains(new Incumbent("sg", post));
        assertThat(positions.incumbent(post, Instant.parse("2030-06-01T00:00:00Z")))
                .as("the outgoing holder until the vacancy").contains(new Incumbent("dsg", null));

        runtimeService().createMessageCorrelation(InterimVariables.MESSAGE_SUCCESSOR_ELECTED)
                .processInstanceBusinessKey(post)
                .setVariable("successorName", "Elected Deputy Secretary General")
                .setVariable("successorUserId", "officer")
                .setVariable("successorTakesOfficeDate", "2032-01-01T00:00Z")
                .correlate();
        assertThat(interim).hasPassed("Event_SuccessorElected").isWaitingAt("Timer_SuccessorTakesOffice");
        assertThat(job("Timer_SuccessorTakesOffice", interim).getDuedate().toInstant())
                .hasToString("2032-01-01T00:00:00Z");

        execute(job("Timer_SuccessorTakesOffice", interim));
        assertThat(interim).hasPassed("Task_EndInterim", "EndEvent_InterimEnded").isEnded();
        assertThat(variable(interim, "interimHolder")).isEqualTo("SG");
        assertThat(variable(interim, "interimEndedAt")).isNotNull();
        assertThat(positions.incumbent(post, Instant.parse("2032-06-01T00:00:00Z")))
                .as("the successor holds the post in own right").contains(new Incumbent("officer", null));
        assertThat(positions.holdings(post)).extracting(Holding::kind, Holding::userId, Holding::endsAt)
                .containsExactly(
                        tuple(HoldingKind.SUBSTANTIVE, "dsg",
                                Instant.parse("2031-01-01T00:00:00Z")),
                        tuple(HoldingKind.INTERIM, "sg",
                                Instant.parse("2032-01-01T00:00:00Z")),
                        tuple(HoldingKind.SUBSTANTIVE, "officer", null));
    }

    @Test
    void electionOfASuccessorToAnotherPostDoesNotEndThisInterim() {
        ProcessInstance interim = vacancy(post(), "Director, Compliance and Facilitation");
        designateAndStart(interim);

        assertThatThrownBy(() -> runtimeService().createMessageCorrelation(InterimVariables.MESSAGE_SUCCESSOR_ELECTED)
                .processInstanceBusinessKey("NO_SUCH_POST")
                .setVariable("successorName", "Someone else")
                .correlate()).isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(interim).isWaitingAt("Event_SuccessorElectionReceived");

        runtimeService().deleteProcessInstance(interim.getId(), "test finished");
    }
}
