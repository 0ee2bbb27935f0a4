package org.quorum.interim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.quorum.support.ProcessIntegrationTest;

class InterimRoleAssignmentIT extends ProcessIntegrationTest {

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
        ProcessInstance interim = vacancy("DSG", "Deputy Secretary General");
        designateAndStart(interim);
        assertThat(interim).hasPassed("Task_StartInterim", "Event_InterimStarted")
                .isWaitingAt("Event_SuccessorElectionReceived");
        assertThat(interim).variables().containsKey("interimStartedAt");

        runtimeService().createMessageCorrelation(InterimVariables.MESSAGE_SUCCESSOR_ELECTED)
                .processInstanceBusinessKey("DSG")
                .setVariable("successorName", "Elected Deputy Secretary General")
                .setVariable("successorTakesOfficeDate", "2032-01-01T00:00Z")
                .correlate();
        assertThat(interim).hasPassed("Event_SuccessorElected").isWaitingAt("Timer_SuccessorTakesOffice");
        assertThat(job("Timer_SuccessorTakesOffice", interim).getDuedate().toInstant())
                .hasToString("2032-01-01T00:00:00Z");

        execute(job("Timer_SuccessorTakesOffice", interim));
        assertThat(interim).hasPassed("Task_EndInterim", "EndEvent_InterimEnded").isEnded();
        assertThat(variable(interim, "interimHolder")).isEqualTo("SG");
        assertThat(variable(interim, "interimEndedAt")).isNotNull();
    }

    @Test
    void electionOfASuccessorToAnotherPostDoesNotEndThisInterim() {
        ProcessInstance interim = vacancy("DIRECTOR-COMPLIANCE", "Director, Compliance and Facilitation");
        designateAndStart(interim);

        assertThatThrownBy(() -> runtimeService().createMessageCorrelation(InterimVariables.MESSAGE_SUCCESSOR_ELECTED)
                .processInstanceBusinessKey("DIRECTOR-CAPACITY-BUILDING")
                .setVariable("successorName", "Someone else")
                .correlate()).isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(interim).isWaitingAt("Event_SuccessorElectionReceived");

        runtimeService().deleteProcessInstance(interim.getId(), "test finished");
    }
}
