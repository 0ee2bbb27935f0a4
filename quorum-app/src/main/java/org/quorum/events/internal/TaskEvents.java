package org.quorum.events.internal;

import static org.quorum.events.internal.EventDrafts.data;

import java.util.Map;

import org.quorum.history.Transition.IdentityLinkChanged;
import org.quorum.history.Transition.RunningTask;
import org.quorum.history.Transition.Task;
import org.quorum.history.Transition.TaskCreated;
import org.quorum.history.Transition.TaskEnded;
import org.springframework.stereotype.Component;

/** The events of a user task: created, completed or deleted, and its assignee changing. */
@Component
class TaskEvents {

    private final EventDrafts drafts;

    TaskEvents(EventDrafts drafts) {
        this.drafts = drafts;
    }

    EventDraft created(TaskCreated created) {
        Map<String, Object> data = task(created.task());
        data.put("candidateGroups", created.candidateGroups());
        return drafts.draft(created.instance(), "task.created", created.task().id(), created.at(), data);
    }

    EventDraft ended(TaskEnded ended) {
        Map<String, Object> data = task(ended.task());
        if (!ended.completed()) {
            data.put("deleteReason", ended.task().deleteReason());
        }
        return drafts.draft(ended.instance(), ended.completed() ? "task.completed" : "task.deleted",
                ended.task().id(), ended.at(), data);
    }

    /** Claim, unclaim, reassignment and delegation all change the task's assignee identity link. */
    EventDraft assignment(IdentityLinkChanged link) {
        RunningTask task = link.runningTask();
        Map<String, Object> data = data();
        putTask(data, task.id(), task.name(), task.definitionKey());
        data.put(link.added() ? "assignee" : "previousAssignee", link.userId());
        data.put("owner", task.owner());
        data.put("delegationState", task.delegationState());
        return drafts.draft(link.instance(), link.added() ? "task.assigned" : "task.unassigned", task.id(),
                link.at(), data);
    }

    private static Map<String, Object> task(Task task) {
        Map<String, Object> data = data();
        putTask(data, task.id(), task.name(), task.definitionKey());
        data.put("activityInstanceId", task.activityInstanceId());
        data.put("assignee", task.assignee());
        data.put("owner", task.owner());
        data.put("priority", task.priority());
        // Null when the task has none, as the schema and docs/events.md say (until 1.1 it was the event's time).
        data.put("dueDate", task.dueDate());
        return data;
    }

    private static void putTask(Map<String, Object> data, String taskId, String name, String definitionKey) {
        data.put("taskId", taskId);
        data.put("taskName", name);
        data.put("taskDefinitionKey", definitionKey);
    }
}
