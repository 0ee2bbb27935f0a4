package org.quorum.notifications.internal;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.quorum.positions.ActingFor;
import org.springframework.stereotype.Component;

/** What an open task says now, read from the engine: for event mails and deadline notices alike. */
@Component
class OpenTaskFacts {

    private final TaskService tasks;

    OpenTaskFacts(TaskService tasks) {
        this.tasks = tasks;
    }

    /** The groups the task is offered to, each once. */
    List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().toList();
    }

    /** The position the task's assignee acts for, as position routing recorded it on the task; or null. */
    String actingFor(String taskId) {
        Object recorded = tasks.getVariableLocal(taskId, ActingFor.TASK_VARIABLE);
        return recorded == null ? null : recorded.toString();
    }
}
