package org.quorum.history;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * Facts about the running engine command that its history events do not carry: who acts, an instance's business
 * key, a task's local variables. Entities the command already loaded are taken from its cache; the others are
 * read. Outside a command there are none.
 */
public final class RunningCommand {

    private RunningCommand() {
    }

    /** The authenticated user the command runs for, or null. */
    public static String actor() {
        CommandContext context = Context.getCommandContext();
        return context == null ? null : context.getAuthenticatedUserId();
    }

    /**
     * Runs {@code read} without the authentication of the user the thread acts for, so that its queries see what
     * the engine sees (Camunda filters queries by the authenticated user's authorizations); that user is
     * authenticated again afterwards.
     */
    public static <T> T withoutActor(IdentityService identity, Supplier<T> read) {
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }

    public static String businessKey(String processInstanceId) {
        CommandContext context = Context.getCommandContext();
        if (context == null || processInstanceId == null) {
            return null;
        }
        ExecutionEntity cached = context.getDbEntityManager().getCachedEntity(ExecutionEntity.class, processInstanceId);
        ExecutionEntity instance = cached != null ? cached
                : context.getExecutionManager().findExecutionById(processInstanceId);
        return instance == null ? null : instance.getBusinessKey();
    }

    /**
     * A running task's local variable, looked up only when the task's activity has the parsed property
     * {@code activityProperty}: loading a task's variables costs a query when the command has not loaded them yet.
     */
    public static Object taskVariable(String taskId, String variable, String activityProperty) {
        TaskEntity task = task(taskId);
        ExecutionEntity execution = task == null ? null : task.getExecution();
        ActivityImpl activity = execution == null ? null : execution.getActivity();
        return activity == null || activity.getProperty(activityProperty) == null ? null
                : task.getVariableLocal(variable);
    }

    /**
     * The candidate groups of a task the running command holds. A task created in this command has its identity
     * links in memory (the decorator added the model's groups before the engine records the creation), so this
     * costs no query for it.
     */
    static List<String> candidateGroups(String taskId) {
        TaskEntity task = task(taskId);
        return task == null ? List.of() : task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).distinct().sorted().toList();
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
