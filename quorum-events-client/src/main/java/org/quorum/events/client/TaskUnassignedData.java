package org.quorum.events.client;

/** Data of {@code quorum.task.unassigned.v1} (unclaim, or the old assignee when it changes). */
public record TaskUnassignedData(String actor, String taskId, String taskName, String taskDefinitionKey,
        String owner, DelegationState delegationState, String previousAssignee) {
}
