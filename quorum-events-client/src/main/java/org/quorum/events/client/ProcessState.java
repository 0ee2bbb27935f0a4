package org.quorum.events.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of {@code quorum.process.state.v1} on the compacted state topic: the current state of one process
 * instance (the record key). {@code sequence} is that of the last lifecycle event the state reflects, so
 * successive states of one instance skip numbers by design. A record without value (tombstone) means the
 * instance's history is gone; the listener hears of it through {@link QuorumEventListener#onTombstone}.
 */
public record ProcessState(String processInstanceId, String rootProcessInstanceId, String superProcessInstanceId,
        String processDefinitionKey, String processDefinitionId, Integer processDefinitionVersion,
        String businessKey, State state, Instant startedAt, Instant endedAt, List<Activity> activities,
        List<OpenTask> tasks, LastDecision lastDecision, Long sequence, Instant time, String actor) {

    public enum State {
        @JsonProperty("active") ACTIVE,
        @JsonProperty("completed") COMPLETED,
        @JsonProperty("cancelled") CANCELLED
    }

    /** An activity instance started and not yet ended: a user task, a waiting event, a running sub-process. */
    public record Activity(String activityInstanceId, String activityId, String activityName, String activityType) {
    }

    /** A task waiting for someone: who holds it, which groups may claim it, for which position. */
    public record OpenTask(String taskId, String taskName, String taskDefinitionKey, String assignee,
            List<String> candidateGroups, String position, String actingFor, Instant dueDate, Instant createdAt) {
    }

    /** The instance's last event on the decision topic. */
    public record LastDecision(String type, Instant time) {
    }
}
