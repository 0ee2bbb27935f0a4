package org.quorum.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.quorum.commission.CommissionReviews;
import org.quorum.positions.Positions;
import org.quorum.support.ProcessIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class RegionalEndorsementIT extends ProcessIntegrationTest {

    @Autowired
    Positions positions;

    private ProcessInstance request(String reference, String administration, String facilityType) {
        return runtimeService().startProcessInstanceByKey(EndorsementVariables.PROCESS_ID, reference, withVariables(
                "requestingAdministration", administration, "facilityType", facilityType,
                "region", "AMERICAS_CARIBBEAN"));
    }

    private ProcessInstance dogTrainingCentreRequest() {
        return request("REQ-2017-US-DTC", "United States", "REGIONAL_DOG_TRAINING_CENTRE");
    }

    private void checkAs(ProcessInstance request, String checkResult) {
        complete(task("Task_CheckCompleteness", request), withVariables("checkResult", checkResult));
    }

    private void placeOnAgenda(ProcessInstance request) {
        complete(task("Task_PlaceOnAgenda", request), withVariables(
                "conferenceReference", "Americas/Caribbean regional conference", "conferenceDate", "2031-05-15T09:00Z"));
    }

    private void delegatesDecide(ProcessInstance request, String decision) {
        complete(task("Task_RecordDelegatesDecision", request), withVariables("delegatesDecision", decision));
    }

    /** The outcome as the model set it on the path taken, before the notifying step reads it. */
    private Object outcomeDecidedByTheModel(ProcessInstance request) {
        return runtimeService().getVariable(request.getId(), "outcome");
    }

    private void notifyRequester(ProcessInstance request) {
        execute(job("Task_NotifyRequester", request));
        assertThat(request).hasPassed("EndEvent_RequesterNotified").isEnded();
    }

    @Test
    void deploysWithAFormForEveryUserTaskAndItsEligibilityTable() throws Exception {
        assertDeployedWithFormsAndCandidateGroups(EndorsementVariables.PROCESS_ID);
        assertThat(processEngine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("request-eligibility").count()).isEqualTo(1);
    }

    @Test
    void endorsedRequestGoesToPolicyCommissionAndIsRecognisedWhenTheCouncilApproves() {
        ProcessInstance request = request("REQ-2017-MX-LAB", "Mexico", "REGIONAL_CUSTOMS_LABORATORY");
        assertThat(request).hasPassed("Task_CheckEligibility").isWaitingAt("Task_CheckCompleteness");
        assertThat(request).variables().containsEntry("facilityEligible", true);
        assertThat(task("Task_CheckCompleteness", request)).hasCandidateGroup("secretariat");
        checkAs(request, "COMPLETE");
        placeOnAgenda(request);
        assertThat(task("Task_RecordDelegatesDecision", request)).hasCandidateGroup("regional-vice-chairs");
        delegatesDecide(request, "ENDORSE");

        execute(job("CallActivity_PolicyCommissionReview", request));
        assertThat(request).hasPassed("Event_RequestEndorsed").isWaitingAt("CallActivity_PolicyCommissionReview");
        ProcessInstance review = calledProcessInstance("policy-commission-review", request);
        assertThat(review).variables()
                .containsEntry("itemType", "ENDORSED_REQUEST")
                .containsEntry("itemTitle", "Mexico: REGIONAL_CUSTOMS_LABORATORY (AMERICAS_CARIBBEAN)");
        assertThat(review.getBusinessKey()).isEqualTo("REQ-2017-MX-LAB");
        CommissionReviews.runThroughCouncil(review, "ADOPT", "APPROVED");

        assertThat(request).hasPassed("Event_RequestRecognised").isWaitingAt("Task_NotifyRequester");
        assertThat(outcomeDecidedByTheModel(request)).isEqualTo("RECOGNISED");
        notifyRequester(request);
        assertThat(variable(request, "councilDecision")).isEqualTo("APPROVED");
        assertThat(variable(request, "outcome")).isEqualTo("RECOGNISED");
        assertThat((String) variable(request, "requesterNotification"))
                .isEqualTo("Mexico: the Council recognised the regional customs laboratory.");
        assertThat(variable(request, "requesterNotifiedAt")).isNotNull();
    }

    @Test
    void councilRejectionOfAnEndorsedRequestRefusesRecognition() {
        ProcessInstance request = request("REQ-2017-CA-DTC", "Canada", "REGIONAL_DOG_TRAINING_CENTRE");
        checkAs(request, "COMPLETE");
        placeOnAgenda(request);
        delegatesDecide(request, "ENDORSE");
        execute(job("CallActivity_PolicyCommissionReview", request));
        CommissionReviews.runThroughCouncil(calledProcessInstance("policy-commission-review", request),
                "REJECT", "REJECTED");

        assertThat(request).hasPassed("Event_RecognitionRefused").hasNotPassed("Event_RequestRecognised");
        assertThat(outcomeDecidedByTheModel(request)).isEqualTo("RECOGNITION_REFUSED");
        notifyRequester(request);
        assertThat(variable(request, "outcome")).isEqualTo("RECOGNITION_REFUSED");
    }

    @Test
    void incompleteRequestIsCheckedAgainWhenTheMissingItemsArrive() {
        ProcessInstance request = dogTrainingCentreRequest();
        checkAs(request, "INCOMPLETE");
        execute(job("Task_SetResubmissionDeadline", request));
        assertThat(request).isWaitingAt("Task_ObtainMissingItems");
        Date deadline = (Date) runtimeService().getVariable(request.getId(), "resubmissionDeadline");
        assertThat(Duration.between(Instant.now(), deadline.toInstant())).isBetween(Duration.ofDays(30),
                Duration.ofDays(31));
        assertThat(task("Task_ObtainMissingItems", request).getDueDate()).isEqualTo(deadline);
        assertThat(job("Timer_ResubmissionDeadline", request).getDuedate()).isEqualTo(deadline);

        complete(task("Task_ObtainMissingItems", request), withVariables("itemsReceived", true));
        assertThat(request).isWaitingAt("Task_CheckCompleteness");
        assertThat(job("Timer_ResubmissionDeadline", request)).isNull();
        checkAs(request, "COMPLETE");
        assertThat(request).isWaitingAt("Task_PlaceOnAgenda");
    }

    @Test
    void incompleteRequestIsWithdrawnWhenTheResubmissionDeadlineLapses() {
        ProcessInstance request = dogTrainingCentreRequest();
        checkAs(request, "INCOMPLETE");
        execute(job("Task_SetResubmissionDeadline", request));
        execute(job("Timer_ResubmissionDeadline", request));

        assertThat(request).hasPassed("Event_RequestWithdrawn").hasNotPassed("Task_PlaceOnAgenda");
        assertThat(outcomeDecidedByTheModel(request)).isEqualTo("WITHDRAWN");
        notifyRequester(request);
        assertThat(variable(request, "outcome")).isEqualTo("WITHDRAWN");
    }

    @Test
    void requestForAFacilityTypeOutsideTheEligibilityTableIsFoundIneligible() {
        ProcessInstance request = request("REQ-2017-XX-OTHER", "Cuba", "OTHER");
        assertThat(request).variables().containsEntry("facilityEligible", false);
        checkAs(request, "COMPLETE");

        assertThat(request).hasPassed("Event_RequestIneligible").hasNotPassed("Task_PlaceOnAgenda");
        assertThat(outcomeDecidedByTheModel(request)).isEqualTo("INELIGIBLE");
        notifyRequester(request);
        assertThat(variable(request, "outcome")).isEqualTo("INELIGIBLE");
    }

    @Test
    void requestDeclinedByTheDelegatesEndsWithoutCommissionReview() {
        ProcessInstance request = dogTrainingCentreRequest();
        checkAs(request, "COMPLETE");
        placeOnAgenda(request);
        delegatesDecide(request, "DECLINE");

        assertThat(request).hasPassed("Event_RequestDeclined").hasNotPassed("CallActivity_PolicyCommissionReview");
        assertThat(outcomeDecidedByTheModel(request)).isEqualTo("DECLINED");
        notifyRequester(request);
        assertThat(variable(request, "outcome")).isEqualTo("DECLINED");
    }

    @Test
    void deferredRequestReturnsToTheAgendaOfTheNextConference() {
        ProcessInstance request = dogTrainingCentreRequest();
        checkAs(request, "COMPLETE");
        placeOnAgenda(request);
        delegatesDecide(request, "DEFER");

        assertThat(request).hasPassed("Event_RequestDeferred").isWaitingAt("Task_PlaceOnAgenda");
        assertThat(outcomeDecidedByTheModel(request)).as("a deferred request has no outcome yet").isNull();
        placeOnAgenda(request);
        delegatesDecide(request, "ENDORSE");
        assertThat(request).hasPassed("Event_RequestEndorsed").isWaitingAt("CallActivity_PolicyCommissionReview");
    }

    @Test
    void overdueCompletenessCheckIsEscalatedToTheDeputySecretaryGeneralOffice() {
        ProcessInstance request = dogTrainingCentreRequest();
        execute(job("Timer_CheckOverdue", request));

        assertThat(request).isWaitingAt("Task_CheckCompleteness", "Task_FollowUpOverdueCheck");
        Task followUp = task("Task_FollowUpOverdueCheck", request);
        assertThat(followUp.getAssignee()).as("addressed to the DSG position: whoever acts for it now")
                .isEqualTo(positions.incumbent("DSG", Instant.now()).orElseThrow().userId());
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(followUp.getId()))
                .extracting(IdentityLink::getGroupId).contains("dsg-office");
        complete(task("Task_FollowUpOverdueCheck", request), withVariables("followUpNote", "Officer reminded"));
        assertThat(request).hasPassed("EndEvent_OverdueCheckFollowedUp").isWaitingAt("Task_CheckCompleteness");
    }
}
