package org.quorum.integrity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.quorum.identity.Groups;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.integrity.IntegrityRefusal;
import org.quorum.positions.ActingFor;
import org.quorum.positions.Incumbent;
import org.quorum.positions.Positions;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Keeps decisions inside their models, on every path into the engine (Tasklist's API, the REST API, Quorum's
 * API and any Java caller), because Camunda checks far less: a start with start instructions needs only the
 * right to create an instance, and a task's candidates may write any variable of it.
 * <ul>
 *   <li>Commands that move a token or write state outside a model's path (start at an activity, modification,
 *   restart, migration, message and signal delivery, a BPMN error or escalation thrown from a task, a job
 *   fired or moved by hand, variable writes, stored queries) are for administrators only.</li>
 *   <li>The task-local markers of positions ({@code position}, {@code actingFor}) are written by the engine
 *   alone: nobody, administrators included, sets or removes them through a command.</li>
 *   <li>A task addressed to a position that somebody holds (or holds as interim) is completed by that person
 *   only.</li>
 * </ul>
 * Only what callers ask is checked: commands that run inside another command (delegates, listeners) and work
 * with no authenticated user (the job executor, the engine's startup) pass, as they are the models' own steps.
 */
final class ModelIntegrityGuard extends CommandInterceptor {

    private static final Set<Class<?>> ADMIN_ONLY = Set.of(
            StartProcessInstanceAtActivitiesCmd.class,
            ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
            ProcessInstanceModificationCmd.class, ProcessInstanceModificationBatchCmd.class,
            RestartProcessInstancesCmd.class, RestartProcessInstancesBatchCmd.class,
            MigrateProcessInstanceCmd.class, MigrateProcessInstanceBatchCmd.class,
            SetProcessDefinitionVersionCmd.class,
            CorrelateMessageCmd.class, CorrelateAllMessageCmd.class, CorrelateAllMessageBatchCmd.class,
            SignalCmd.class, SignalEventReceivedCmd.class, EvaluateStartConditionCmd.class,
            ExecuteJobsCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class,
            MessageEventReceivedCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
            CompleteExternalTaskCmd.class, HandleExternalTaskBpmnErrorCmd.class, HandleExternalTaskFailureCmd.class,
            ResolveTaskCmd.class,
            SetTaskVariablesCmd.class, SetExecutionVariablesCmd.class,
            PatchTaskVariablesCmd.class, PatchExecutionVariablesCmd.class,
            RemoveTaskVariablesCmd.class, RemoveExecutionVariablesCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class,
            SaveFilterCmd.class, DeleteFilterCmd.class);

    /** Variables that only the engine writes: Quorum's record of positions and of who acted for whom. */
    static final Set<String> ENGINE_MARKERS = Set.of(Positions.TASK_VARIABLE, ActingFor.TASK_VARIABLE);

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final ObjectProvider<Positions> positions;

    ModelIntegrityGuard(ObjectProvider<Positions> positions) {
        this.positions = positions;
    }

    @Override
    public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            if (depth[0] == 1) {
                check(command);
            }
            return next.execute(command);
        } finally {
            if (--depth[0] == 0) {
                DEPTH.remove();
            }
        }
    }

    private void check(Command<?> command) {
        CommandContext context = Context.getCommandContext();
        Authentication caller = context == null ? null : context.getAuthentication();
        if (caller == null || caller.getUserId() == null) {
            return;
        }
        boolean admin = caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
        if (ADMIN_ONLY.contains(command.getClass())) {
            if (!admin) {
                throw refused(caller, ("%s is for administrators (group %s) only: a decision is taken through its "
                        + "process's tasks and forms").formatted(what(command), Groups.CAMUNDA_ADMIN));
            }
            checkMarkersUntouched(caller, command);
        }
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            checkCompletion(context, caller, command);
        }
    }

    private void checkMarkersUntouched(Authentication caller, Command<?> command) {
        for (String field : List.of("variables", "variableNames", "deletions")) {
            Object value = CommandFields.find(command, field).orElse(null);
            checkNoMarker(caller, value instanceof Map<?, ?> map ? map.keySet()
                    : value instanceof Collection<?> collection ? collection : List.of());
        }
    }

    private static void checkNoMarker(Authentication caller, Collection<?> variableNames) {
        for (Object name : variableNames) {
            if (ENGINE_MARKERS.contains(String.valueOf(name))) {
                throw refused(caller, ("variable '%s' is written by the engine only: it records a position's "
                        + "task and who acts for it").formatted(name));
            }
        }
    }

    private void checkCompletion(CommandContext context, Authentication caller, Command<?> command) {
        Submission submission = Submission.of(command);
        String taskId = submission.taskId();
        if (submission.variables() != null) {
            checkNoMarker(caller, submission.variables().keySet());
        }
        TaskEntity task = taskId == null ? null
                : context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId));
        if (task == null) {
            return;
        }
        Object position = context.runWithoutAuthorization(() -> task.getVariableLocal(Positions.TASK_VARIABLE));
        if (position == null) {
            return;
        }
        Instant now = EngineClock.now();
        Optional<Incumbent> incumbent = positions.getObject().incumbent(position.toString(), now);
        if (incumbent.isPresent() && !incumbent.get().userId().equals(caller.getUserId())) {
            throw refused(caller, ("task %s is addressed to position %s, which %s holds%s; only they may complete "
                    + "it").formatted(taskId, position, incumbent.get().userId(),
                    incumbent.get().actingFor() != null ? " as interim holder" : ""));
        }
    }

    private static String what(Command<?> command) {
        return command.getClass().getSimpleName().replaceAll("Cmd$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase();
    }

    private static IntegrityRefusal refused(Authentication caller, String reason) {
        return new IntegrityRefusal("User '%s' may not do this: %s.".formatted(caller.getUserId(), reason));
    }
}
