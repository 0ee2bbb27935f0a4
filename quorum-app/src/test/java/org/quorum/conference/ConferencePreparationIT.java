package org.quorum.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.quorum.commission.CommissionReviews;
import org.quorum.support.ProcessIntegrationTest;

class ConferencePreparationIT extends ProcessIntegrationTest {

    private ProcessInstance acceptedInvitation(String businessKey) {
        return runtimeService().startProcessInstanceByKey(ConferenceVariables.PROCESS_ID, businessKey, withVariables(
                "conferenceTitle", "Regional Conference of Directors General, Americas/Caribbean",
                "region", "AMERICAS_CARIBBEAN", "hostAdministration", "Cuba"));
    }

    /** From the accepted invitation to the recorded outcomes, with the side programme arranged in parallel. */
    private void prepareAndHold(ProcessInstance conference, String prioritiesForwarded) {
        complete(task("Task_ConfirmDatesAndVenue", conference), withVariables(
                "conferenceStartDate", "2031-05-15T09:00Z", "conferenceEndDate", "2031-05-16T17:00Z",
                "venue", "Havana"));
        assertThat(task("Task_ConfirmChair", conference)).hasCandidateGroup("regional-vice-chairs");
        complete(task("Task_ConfirmChair", conference), withVariables(
                "chairAdministration", "Chile", "chairName", "Regional Vice-Chair"));
        complete(task("Task_DraftAgenda", conference), withVariables(
                "panels", "Coordinated border management\nCompliance with international standards\nCapacity building",
                "presentations", "Regional registry of mutual administrative assistance agreements\nBiometrics"));
        complete(task("Task_CallForEndorsementRequests", conference), withVariables(
                "endorsementRequestDeadline", "2031-03-15T17:00Z", "callSent", true));
        assertThat(conference).isWaitingAt("Timer_EndorsementRequestDeadline");
        execute(job("Timer_EndorsementRequestDeadline", conference));

        assertThat(task("Task_ApproveSgMission", conference)).hasCandidateGroup("sg-office");
        complete(task("Task_ApproveSgMission", conference), withVariables("missionApproved", true));
        assertThat(conference).isWaitingAtExactly("Task_ArrangeBilateralMeetings", "Task_ArrangeSiteVisits");
        complete(task("Task_ArrangeBilateralMeetings", conference), withVariables(
                "bilateralMeetings", "Minister of Foreign Trade and Foreign Investment"));
        assertThat(conference).hasPassed("Task_ArrangeBilateralMeetings").isWaitingAt("Task_ArrangeSiteVisits")
                .hasNotPassed("Gateway_SideProgrammeJoin");
        complete(task("Task_ArrangeSiteVisits", conference), withVariables(
                "siteVisits", "Customs Management Center, Jose Marti International Airport; Mariel"));

        assertThat(conference).isWaitingAtExactly("Timer_ConferenceDate");
        assertThat(job("Timer_ConferenceDate", conference).getDuedate().toInstant())
                .hasToString("2031-05-15T09:00:00Z");
        execute(job("Timer_ConferenceDate", conference));
        complete(task("Task_RecordOutcomes", conference), withVariables(
                "outcomesSummary", "Requests of Mexico, the United States and Canada endorsed",
                "prioritiesForwarded", prioritiesForwarded));
        complete(task("Task_DraftReport", conference), withVariables(
                "reportTitle", "XXth Regional Conference, Havana", "reportText", "Report"));
        execute(job("Task_PublishReport", conference));
        assertThat(conference).hasPassed("Event_OutcomesRecorded", "Event_ReportPublished");
    }

    @Test
    void deploysWithAFormForEveryUserTask() throws Exception {
        assertDeployedWithFormsAndCandidateGroups(ConferenceVariables.PROCESS_ID);
    }

    @Test
    void conferenceRunsFromInvitationToReportAndSendsEachForwardedPriorityToTheCommission() {
        ProcessInstance conference = acceptedInvitation("CONF-2031-AMERICAS");
        prepareAndHold(conference, "Trade facilitation\n\nE-commerce\n");

        List<ProcessInstance> reviews = runtimeService().createProcessInstanceQuery()
                .superProcessInstanceId(conference.getId()).list();
        assertThat(reviews).hasSize(2);
        assertThat(reviews).extracting(r -> runtimeService().getVariable(r.getId(), "itemTitle"))
                .containsExactlyInAnyOrder("Trade facilitation", "E-commerce");
        assertThat(reviews).extracting(r -> runtimeService().getVariable(r.getId(), "itemType"))
                .containsOnly("SG_PRIORITY");

        CommissionReviews.runThroughCouncil(reviews.get(0), "ADOPT", "APPROVED");
        assertThat(conference).isWaitingAt("CallActivity_ReviewPriorities");
        CommissionReviews.runThroughCouncil(reviews.get(1), "AMEND", "APPROVED_AS_AMENDED");

        assertThat(conference).hasPassed("EndEvent_ConferenceConcluded").isEnded();
        assertThat(variable(conference, "reportPublishedAt")).isNotNull();
    }

    @Test
    void conferenceForwardingNoPriorityConcludesWhenTheReportIsPublished() {
        ProcessInstance conference = acceptedInvitation("CONF-2031-EUROPE");
        prepareAndHold(conference, "");

        assertThat(conference).isEnded();
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(conference.getId()).count())
                .isZero();
    }
}
