package org.quorum.events.internal;

import java.time.Instant;
import java.util.List;

/**
 * The current state of one process instance, as the state topic publishes it (the data of
 * {@code quorum.process.state.v1}, schema {@code docs/schemas/process.state.json}) and as the projection table keeps
 * it between transactions.
 *
 * @param state    {@code active}, {@code completed} or {@code cancelled}
 * @param sequence the {@code sequence} of the instance's last lifecycle event this state reflects (on the process
 *                 topic, whose key is the root instance)
 * @param time     when the last transition it reflects happened (engine clock)
 * @param actor    the user whose action led to this state (null for the engine's own steps)
 */
record ProcessState(
        String processInstanceId,
        String rootProcessInstanceId,
        String superProcessInstanceId,
        String processDefinitionKey,
        String processDefinitionId,
        Integer processDefinitionVersion,
        String businessKey,
        String state,
        Instant startedAt,
        Instant endedAt,
        List<ActiveActivity> activities,
        List<OpenTask> tasks,
        LastDecision lastDecision,
        Long sequence,
        Instant time,
        String actor) {

    static final String ACTIVE = "active";
    static final String COMPLETED = "completed";
    static final String CANCELLED = "cancelled";

    boolean ended() {
        return !ACTIVE.equals(state);
    }

    /** An activity instance that started and has not ended: a task, a waiting event, a running sub-process. */
    record ActiveActivity(String activityInstanceId, String activityId, String activityName, String activityType) {
    }

    /**
     * A user task not yet completed or deleted. {@code position} is the position the task is addressed to, when
     * routed by position; {@code actingFor} the position its assignee holds as interim holder.
     */
    record OpenTask(String taskId, String taskName, String taskDefinitionKey, String assignee,
                    List<String> candidateGroups, String position, String actingFor, Instant dueDate,
                    Instant createdAt) {
    }

    /** The last business decision of the instance (its CloudEvent type on the decision topic) and when it was taken. */
    record LastDecision(String type, Instant time) {
    }
}
