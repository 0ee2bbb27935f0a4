package org.quorum.audit.internal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.quorum.positions.ActingFor;

/**
 * Who completed each task of an instance (the authenticated user at completion, from the operation log), and the
 * position they acted for (the task-local variable position routing records), by task id.
 */
record TaskActors(Map<String, String> completedBy, Map<String, String> actingFor) {

    static TaskActors read(HistoryService history, TimelineEntries entries, String processInstanceId) {
        Map<String, String> users = new HashMap<>();
        for (UserOperationLogEntry entry : entries.bounded(history.createUserOperationLogQuery()
                .processInstanceId(processInstanceId).entityType(EntityTypes.TASK)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE))) {
            if (entry.getUserId() != null) {
                users.put(entry.getTaskId(), entry.getUserId());
            }
        }
        Map<String, String> positions = new HashMap<>();
        for (HistoricVariableInstance variable : entries.bounded(history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId).variableName(ActingFor.TASK_VARIABLE)
                .disableCustomObjectDeserialization())) {
            if (variable.getTaskId() != null) {
                positions.put(variable.getTaskId(), TimelineText.display(variable.getTypedValue()));
            }
        }
        return new TaskActors(users, positions);
    }

    /** Who completed the task: the user the operation log names, else its last assignee. */
    String completedBy(String taskId, String assignee) {
        return completedBy.getOrDefault(taskId, assignee);
    }
}
