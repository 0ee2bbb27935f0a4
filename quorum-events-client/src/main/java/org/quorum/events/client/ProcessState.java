package org.quorum.events.client;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code quorum.process.state.v1} on the compacted state topic: the current state of one process
 * instance (the record key). {@code sequence} is that of the last lifecycle event the state reflects, so
 * successive states of one instance skip numbers by design. A record without value (tombstone) means the
 * instance's history is gone; the listener hears of it through {@link QuorumEventListener#onTombstone}.
 */
public record ProcessState(String processDefinitionKey, int processDefinitionVersion, String businessKey,
        String state, List<String> activeActivities, List<OpenTask> openTasks, String lastDecision,
        long sequence, Instant time) {

    /** A task waiting for someone: who holds it, which groups may claim it, for which position. */
    public record OpenTask(String taskId, String name, String taskDefinitionKey, String assignee,
            List<String> candidateGroups, String position, String actingFor, Instant dueDate) {
    }
}
