package org.quorum.events.client;

/** Data of {@code quorum.process.completed.v1} and {@code quorum.process.cancelled.v1}; {@code state} says how it ended. */
public record ProcessEndedData(String actor, String processDefinitionId, int processDefinitionVersion,
        String startUserId, String superProcessInstanceId, String state, String endActivityId,
        String deleteReason) {
}
