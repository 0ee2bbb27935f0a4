package org.quorum.events.internal;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/** Facts about the running engine command that history events do not carry: who acts, business key, task. */
final class EngineContext {

    private EngineContext() {
    }

    static String actor() {
        CommandContext context = Context.getCommandContext();
        return context == null ? null : context.getAuthenticatedUserId();
    }

    static String businessKey(String processInstanceId) {
        ExecutionEntity instance = processInstance(processInstanceId);
        return instance == null ? null : instance.getBusinessKey();
    }

    static ExecutionEntity processInstance(String processInstanceId) {
        CommandContext context = Context.getCommandContext();
        if (context == null || processInstanceId == null) {
            return null;
        }
        ExecutionEntity cached = context.getDbEntityManager().getCachedEntity(ExecutionEntity.class, processInstanceId);
        return cached != null ? cached : context.getExecutionManager().findExecutionById(processInstanceId);
    }

    static TaskEntity task(String taskId) {
        CommandContext context = Context.getCommandContext();
        if (context == null || taskId == null) {
            return null;
        }
        TaskEntity cached = context.getDbEntityManager().getCachedEntity(TaskEntity.class, taskId);
        return cached != null ? cached : context.getTaskManager().findTaskById(taskId);
    }
}
