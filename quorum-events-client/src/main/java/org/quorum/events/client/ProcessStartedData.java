package org.quorum.events.client;

/** Data of {@code quorum.process.started.v1} (docs/schemas/process.started.json). */
public record ProcessStartedData(String actor, String processDefinitionId, int processDefinitionVersion,
        String startUserId, String superProcessInstanceId, String state) {
}
