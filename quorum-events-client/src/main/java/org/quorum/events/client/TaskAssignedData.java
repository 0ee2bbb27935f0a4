package org.quorum.events.client;

/** Data of {@code quorum.task.assigned.v1} (claim, assignment, delegation). */
public record TaskAssignedData(String actor, String taskId, String taskName, String taskDefinitionKey,
        String owner, DelegationState delegationState, String assignee) {
}
