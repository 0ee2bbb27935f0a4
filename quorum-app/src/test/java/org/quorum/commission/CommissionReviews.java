package org.quorum.commission;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Drives a {@code policy-commission-review} instance, for its own test and for the processes that call it. */
public final class CommissionReviews {

    private CommissionReviews() {
    }

    public static void prepareAndHoldSession(ProcessInstance review) {
        complete(task("Task_DraftWorkingPaper", review), withVariables(
                "workingPaperReference", "PC0123E1", "workingPaperSummary", "Working paper for the Commission"));
        complete(task("Task_ClearWorkingPaper", review), withVariables("paperCleared", true));
        scheduleAndHoldSession(review);
    }

    public static void scheduleAndHoldSession(ProcessInstance review) {
        complete(task("Task_ScheduleSession", review), withVariables(
                "sessionReference", "81st/82nd session", "sessionDate", "2031-12-04T09:00Z"));
        execute(job("Timer_SessionDate", review));
    }

    /** Records a vote of a quorate Commission (25 of 30 present) and lets the decision table recommend. */
    public static void vote(ProcessInstance review, String proposal, int votesFor, int votesAgainst) {
        complete(task("Task_RecordCommissionVote", review), votes(proposal, 30, 25, votesFor, votesAgainst));
        execute(job("Task_CheckQuorum", review));
    }

    public static Map<String, Object> votes(String proposal, int total, int present, int votesFor, int votesAgainst) {
        return withVariables("proposal", proposal, "membersTotal", total, "membersPresent", present,
                "votesFor", votesFor, "votesAgainst", votesAgainst,
                "abstentions", Math.max(0, present - votesFor - votesAgainst));
    }

    public static void councilDecides(ProcessInstance review, String councilDecision) {
        complete(task("Task_DecideOnRecommendation", review), withVariables(
                "councilDecision", councilDecision, "councilSession", "Council, June 2032"));
        execute(job("Task_RecordCouncilDecision", review));
    }

    /** The whole review in one session: working paper, a carried vote on the proposal, the Council's decision. */
    public static void runThroughCouncil(ProcessInstance review, String proposal, String councilDecision) {
        prepareAndHoldSession(review);
        vote(review, proposal, 18, 4);
        councilDecides(review, councilDecision);
    }
}
