package org.quorum.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.quorum.commission.CommissionReviews.councilDecides;
import static org.quorum.commission.CommissionReviews.prepareAndHoldSession;
import static org.quorum.commission.CommissionReviews.scheduleAndHoldSession;
import static org.quorum.commission.CommissionReviews.vote;
import static org.quorum.commission.CommissionReviews.votes;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.quorum.support.ProcessIntegrationTest;

class PolicyCommissionReviewIT extends ProcessIntegrationTest {

    private ProcessInstance referPriority(String title) {
        return runtimeService().startProcessInstanceByKey(CommissionVariables.PROCESS_ID, "SG-PRIORITIES-2017",
                withVariables("itemType", "SG_PRIORITY", "itemTitle", title));
    }

    @Test
    void deploysWithAFormForEveryUserTaskAndItsDecisionTable() throws Exception {
        assertDeployedWithFormsAndCandidateGroups(CommissionVariables.PROCESS_ID);
        assertThat(processEngine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("commission-recommendation").count()).isEqualTo(1);
    }

    @Test
    void adoptedRecommendationGoesToCouncilAndItsDecisionIsPublished() {
        ProcessInstance review = referPriority("Trade facilitation");
        assertThat(review).isWaitingAt("Task_DraftWorkingPaper");
        assertThat(task("Task_DraftWorkingPaper", review)).hasCandidateGroup("secretariat");
        prepareAndHoldSession(review);
        assertThat(task("Task_RecordCommissionVote", review)).hasCandidateGroup("policy-commission");

        vote(review, "ADOPT", 20, 3);
        assertThat(review).isWaitingAt("Task_DecideOnRecommendation");
        assertThat(task("Task_DecideOnRecommendation", review)).hasCandidateGroup("council");
        councilDecides(review, "APPROVED");

        assertThat(review).hasPassedInOrder("Task_DetermineRecommendation", "Event_CommissionRecommended",
                "Task_DecideOnRecommendation", "Event_CouncilDecided", "Task_PublishDecision",
                "EndEvent_DecisionPublished").isEnded();
        assertThat(variable(review, "recommendation")).isEqualTo("ADOPT");
        assertThat(variable(review, "councilDecision")).isEqualTo("APPROVED");
        assertThat(variable(review, "councilDecisionFavourable")).isEqualTo(true);
        assertThat(variable(review, "decisionPublishedAt")).isNotNull();
    }

    @Test
    void amendedRecommendationIsApprovedAsAmendedByCouncil() {
        ProcessInstance review = referPriority("E-commerce");
        prepareAndHoldSession(review);
        vote(review, "AMEND", 15, 9);
        councilDecides(review, "APPROVED_AS_AMENDED");

        assertThat(review).isEnded();
        assertThat(variable(review, "recommendation")).isEqualTo("AMEND");
        assertThat(variable(review, "councilDecisionFavourable")).isEqualTo(true);
    }

    @Test
    void rejectedRecommendationStillGoesToCouncilWhoseRejectionIsPublished() {
        ProcessInstance review = referPriority("Customs-tax cooperation");
        prepareAndHoldSession(review);
        vote(review, "REJECT", 14, 10);
        assertThat(review).isWaitingAt("Task_DecideOnRecommendation");
        councilDecides(review, "REJECTED");

        assertThat(review).hasPassed("Event_CouncilDecided", "EndEvent_DecisionPublished").isEnded();
        assertThat(variable(review, "recommendation")).isEqualTo("REJECT");
        assertThat(variable(review, "councilDecisionFavourable")).isEqualTo(false);
    }

    @Test
    void itemWithoutMajorityIsDeferredAndReturnsAtTheNextSession() {
        ProcessInstance review = referPriority("Illicit financial flows");
        prepareAndHoldSession(review);
        vote(review, "ADOPT", 10, 12);

        assertThat(review).hasPassed("Event_CommissionRecommended").isWaitingAt("Task_ScheduleSession");
        assertThat(review).variables().containsEntry("recommendation", "DEFER");

        scheduleAndHoldSession(review);
        vote(review, "ADOPT", 19, 4);
        councilDecides(review, "APPROVED");
        assertThat(review).isEnded();
        assertThat(variable(review, "recommendation")).isEqualTo("ADOPT");
    }

    @Test
    void sessionWithoutQuorumSendsTheItemToTheNextSession() {
        ProcessInstance review = referPriority("Security");
        prepareAndHoldSession(review);
        complete(task("Task_RecordCommissionVote", review), votes("ADOPT", 30, 15, 12, 1));
        execute(job("Task_CheckQuorum", review));

        assertThat(review).hasPassed("Event_QuorumNotMet").hasNotPassed("Task_DetermineRecommendation")
                .isWaitingAt("Task_ScheduleSession");
    }

    @Test
    void workingPaperNotClearedGoesBackForRedrafting() {
        ProcessInstance review = referPriority("Trade facilitation");
        complete(task("Task_DraftWorkingPaper", review), withVariables(
                "workingPaperReference", "PC0124E1", "workingPaperSummary", "First draft"));
        assertThat(task("Task_ClearWorkingPaper", review)).hasCandidateGroup("sg-office");
        complete(task("Task_ClearWorkingPaper", review), withVariables(
                "paperCleared", false, "clearanceNote", "Add the G20 mandate"));

        assertThat(review).isWaitingAt("Task_DraftWorkingPaper");
    }
}
