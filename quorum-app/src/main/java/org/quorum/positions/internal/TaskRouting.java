package org.quorum.positions.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.quorum.identity.IdentitySetup;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.infrastructure.camunda.QueryPages;
import org.quorum.positions.ActingFor;
import org.quorum.positions.Incumbent;
import org.quorum.positions.Position;
import org.quorum.positions.Positions;
import org.quorum.positions.Tenure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers tasks addressed to a position to whoever acts for it, and keeps them there as tenures change.
 * <p>
 * A task of a position carries the task-local variable {@value Positions#TASK_VARIABLE}; when it reaches an interim
 * holder it also carries {@link ActingFor#TASK_VARIABLE} (kept in history: the record of who acted for whom).
 * Tenure changes are applied by jobs of the engine's job executor due at each start and end, so they happen on
 * time on whichever node is up, and survive restarts.
 */
@Component
class TaskRouting {

    private static final Logger log = LoggerFactory.getLogger(TaskRouting.class);

    private final PositionStore store;
    private final TaskService tasks;
    private final FilterService filters;
    private final IdentitySetup identity;
    private final CommandExecutor commands;

    TaskRouting(PositionStore store, TaskService tasks, FilterService filters, IdentitySetup identity,
                ProcessEngineConfigurationImpl engineConfiguration) {
        this.store = store;
        this.tasks = tasks;
        this.filters = filters;
        this.identity = identity;
        this.commands = engineConfiguration.getCommandExecutorTxRequired();
    }

    /**
     * Gives an interim holder the Tasklist filter "Acting for DSG", listing the tasks they hold for the position.
     * The filter has no owner (Camunda gives a filter's owner every right on it, and a stored query's expressions
     * are evaluated: an owner could make it call any bean); the holder is granted read access only.
     */
    void ensureActingFilter(String userId, String positionCode) {
        String name = "Acting for " + positionCode;
        Filter filter = filters.createFilterQuery().filterName(name).orderByFilterId().asc().listPage(0, 1).stream()
                .findFirst().orElse(null);
        if (filter == null) {
            filter = filters.newTaskFilter(name).setQuery(tasks.createTaskQuery()
                    .taskAssigneeExpression("${currentUser()}")
                    .taskVariableValueEquals(ActingFor.TASK_VARIABLE, positionCode));
            filter.setProperties(Map.of("priority", -8, "refresh", true,
                    "description", "Tasks of the " + positionCode + " position that you hold as interim holder"));
            filters.saveFilter(filter);
        }
        identity.grantFilterRead(userId, filter.getId());
    }

    /** On creation: the task reaches the position's incumbent, or its office while nobody holds it. */
    void onCreate(DelegateTask task, String positionCode) {
        Optional<Position> known = store.find(positionCode);
        if (known.isEmpty()) {
            if (task.getCandidates().isEmpty()) {
                throw new ProcessEngineException(("Task '%s' is addressed to position %s, which does not exist, and "
                        + "has no candidate group to fall back on; create the position with POST /api/positions")
                        .formatted(task.getTaskDefinitionKey(), positionCode));
            }
            log.warn("Task '{}' is addressed to position {}, which does not exist; it stays with its candidate "
                    + "groups. Create the position with POST /api/positions.", task.getTaskDefinitionKey(), positionCode);
            return;
        }
        Position position = known.get();
        task.setVariableLocal(Positions.TASK_VARIABLE, positionCode);
        Optional<Incumbent> incumbent = incumbent(positionCode);
        if (incumbent.isPresent()) {
            task.setAssignee(incumbent.get().userId());
        } else {
            task.addCandidateGroup(position.officeGroup());
        }
    }

    /** On any assignment: the task says whether its assignee acts for the position as interim holder. */
    void onAssignment(DelegateTask task, String positionCode) {
        Optional<Incumbent> incumbent = incumbent(positionCode);
        boolean interimHolder = task.getAssignee() != null && incumbent.isPresent()
                && incumbent.get().actingFor() != null && task.getAssignee().equals(incumbent.get().userId());
        if (interimHolder) {
            task.setVariableLocal(ActingFor.TASK_VARIABLE, positionCode);
            ActingFor.record(positionCode);
        } else if (task.hasVariableLocal(ActingFor.TASK_VARIABLE)) {
            task.removeVariableLocal(ActingFor.TASK_VARIABLE);
        }
    }

    /** On completion by an interim holder: the transaction's events and the task's comments say so. */
    void onComplete(DelegateTask task) {
        Object actingFor = task.getVariableLocal(ActingFor.TASK_VARIABLE);
        if (actingFor == null) {
            return;
        }
        ActingFor.record(actingFor.toString());
        String actor = Context.getCommandContext().getAuthenticatedUserId();
        tasks.createComment(task.getId(), task.getProcessInstanceId(),
                "%s acting for %s".formatted(actor != null ? actor : task.getAssignee(), actingFor));
    }

    /** Moves the position's open tasks to whoever acts for it now. Runs inside an engine command. */
    void reroute(String positionCode) {
        Position position = store.find(positionCode).orElseThrow();
        Optional<Incumbent> incumbent = incumbent(positionCode);
        int moved = 0;
        TaskQuery ofPosition = tasks.createTaskQuery().taskVariableValueEquals(Positions.TASK_VARIABLE, positionCode);
        for (Task task : QueryPages.all(ofPosition)) {
            if (incumbent.isPresent() && !incumbent.get().userId().equals(task.getAssignee())) {
                tasks.setAssignee(task.getId(), incumbent.get().userId());
                moved++;
            } else if (incumbent.isEmpty() && task.getAssignee() != null) {
                tasks.setAssignee(task.getId(), null);
                tasks.addCandidateGroup(task.getId(), position.officeGroup());
                moved++;
            }
        }
        log.info("Position {}: {} open task(s) moved to {}", positionCode, moved,
                incumbent.map(i -> i.userId() + (i.actingFor() != null ? " (acting)" : "")).orElse(
                        "the office group " + position.officeGroup() + " (vacant)"));
    }

    /**
     * Applies the position's tenures at {@code moment}: now, in the caller's transaction, if it has come;
     * otherwise by a job of the engine's job executor due then.
     */
    void rerouteAt(String positionCode, Instant moment) {
        commands.execute(context -> {
            if (!moment.isAfter(EngineClock.now())) {
                reroute(positionCode);
                return null;
            }
            MessageEntity job = new MessageEntity();
            job.setJobHandlerType(TenureChangeJobHandler.TYPE);
            job.setJobHandlerConfigurationRaw(positionCode);
            job.setDuedate(Date.from(moment));
            context.getJobManager().send(job);
            return null;
        });
    }

    private Optional<Incumbent> incumbent(String positionCode) {
        return Tenure.incumbentAt(positionCode, store.holdings(positionCode), EngineClock.now());
    }
}
