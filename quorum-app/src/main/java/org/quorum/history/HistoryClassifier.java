package org.quorum.history;

import static org.quorum.history.HistoryFacts.instance;
import static org.quorum.history.HistoryFacts.instant;

import java.util.List;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;
import org.quorum.history.Transition.ActivityEnded;
import org.quorum.history.Transition.ActivityStarted;
import org.quorum.history.Transition.DecisionEvaluated;
import org.quorum.history.Transition.IdentityLinkChanged;
import org.quorum.history.Transition.IncidentCreated;
import org.quorum.history.Transition.IncidentEnded;
import org.quorum.history.Transition.Instance;
import org.quorum.history.Transition.OperationLogged;
import org.quorum.history.Transition.ProcessEnded;
import org.quorum.history.Transition.ProcessStarted;
import org.quorum.history.Transition.TaskCreated;
import org.quorum.history.Transition.TaskEnded;
import org.quorum.history.Transition.VariableUpdated;
import org.springframework.stereotype.Component;

/**
 * Decides what Camunda's history means: the one place that reads its event types ({@code start}, {@code end},
 * {@code complete}, {@code resolve}, ...) and its states. History the engine emits is classified by its event type;
 * history read back through HistoryService carries no event type and is classified by its state (an end time, a
 * delete reason), by the same rules of how things ended (HistoryService returns Camunda's query entities, which
 * extend the event entities). History Quorum does not act on (updates of a task's properties, migrations) has
 * no transition.
 */
@Component
public class HistoryClassifier {

    /** An identity link's operation type when it was added; Camunda has no constant for it. */
    private static final String LINK_ADDED = "add";

    /** The transitions of a history event as the engine emits it (history level FULL). */
    public List<Transition> classify(HistoryEvent event) {
        String type = event.getEventType();
        if (event instanceof HistoricProcessInstanceEventEntity process) {
            return is(type, HistoryEventTypes.PROCESS_INSTANCE_START) ? List.of(started(process))
                    : is(type, HistoryEventTypes.PROCESS_INSTANCE_END) ? List.of(ended(process)) : List.of();
        }
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            return is(type, HistoryEventTypes.ACTIVITY_INSTANCE_START) ? List.of(started(activity))
                    : is(type, HistoryEventTypes.ACTIVITY_INSTANCE_END) ? List.of(ended(activity)) : List.of();
        }
        if (event instanceof HistoricTaskInstanceEventEntity task) {
            // Camunda ends a task with "complete" whether it was completed or deleted (its instance cancelled, a
            // boundary event); only the delete reason tells them apart.
            return is(type, HistoryEventTypes.TASK_INSTANCE_CREATE) ? List.of(created(task))
                    : is(type, HistoryEventTypes.TASK_INSTANCE_COMPLETE) ? List.of(ended(task, completed(task)))
                    : is(type, HistoryEventTypes.TASK_INSTANCE_DELETE) ? List.of(ended(task, false)) : List.of();
        }
        if (event instanceof HistoricIncidentEventEntity incident) {
            return is(type, HistoryEventTypes.INCIDENT_CREATE) ? List.of(created(incident))
                    : is(type, HistoryEventTypes.INCIDENT_RESOLVE) ? List.of(ended(incident, true))
                    : is(type, HistoryEventTypes.INCIDENT_DELETE) ? List.of(ended(incident, false)) : List.of();
        }
        if (event instanceof HistoricIdentityLinkLogEventEntity link) {
            return List.of(linkChanged(link));
        }
        if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
            return evaluation.getRootHistoricDecisionInstance() == null ? List.of()
                    : List.of(evaluated(evaluation));
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return List.of(new VariableUpdated(instance(event), event.getId(), variable.getTaskId(),
                    variable.getVariableName(), variable.getTextValue(),
                    is(type, HistoryEventTypes.VARIABLE_INSTANCE_DELETE)));
        }
        if (event instanceof UserOperationLogEntryEventEntity) {
            return List.of(new OperationLogged(instance(event), event.getId()));
        }
        return List.of();
    }

    /** A process instance read back: its start, and its end once it ended. */
    public List<Transition> read(HistoricProcessInstance instance) {
        HistoricProcessInstanceEventEntity e = (HistoricProcessInstanceEventEntity) instance;
        return e.getEndTime() == null ? List.of(started(e)) : List.of(started(e), ended(e));
    }

    /** An activity instance read back: its start, and its end once it ended. */
    public List<Transition> read(HistoricActivityInstance activity) {
        HistoricActivityInstanceEventEntity e = (HistoricActivityInstanceEventEntity) activity;
        return e.getEndTime() == null ? List.of(started(e)) : List.of(started(e), ended(e));
    }

    /** A task read back: its creation, and its end once it ended. */
    public List<Transition> read(HistoricTaskInstance task) {
        HistoricTaskInstanceEventEntity e = (HistoricTaskInstanceEventEntity) task;
        return e.getEndTime() == null ? List.of(created(e)) : List.of(created(e), ended(e, completed(e)));
    }

    /** An incident read back: its creation, and its end once it ended. */
    public List<Transition> read(HistoricIncident incident) {
        HistoricIncidentEventEntity e = (HistoricIncidentEventEntity) incident;
        return e.getEndTime() == null ? List.of(created(e))
                : List.of(created(e), ended(e, e.isResolved()));
    }

    /** A task's identity link read back through HistoryService; the instance is its task's, when it is running. */
    public IdentityLinkChanged read(HistoricIdentityLinkLog link) {
        return linkChanged((HistoricIdentityLinkLogEventEntity) link);
    }

    /** A task's identity link read back; it names its instance, which the engine's history row does not. */
    public IdentityLinkChanged read(HistoricIdentityLinkLogEventEntity link) {
        return linkChanged(link);
    }

    private static ProcessStarted started(HistoricProcessInstanceEventEntity e) {
        return new ProcessStarted(instance(e), HistoryFacts.process(e), instant(e.getStartTime()));
    }

    private static ProcessEnded ended(HistoricProcessInstanceEventEntity e) {
        return new ProcessEnded(instance(e), HistoryFacts.process(e), instant(e.getEndTime()),
                HistoricProcessInstance.STATE_COMPLETED.equals(e.getState()));
    }

    private static ActivityStarted started(HistoricActivityInstanceEventEntity e) {
        return new ActivityStarted(instance(e), HistoryFacts.activity(e), instant(e.getStartTime()));
    }

    private static ActivityEnded ended(HistoricActivityInstanceEventEntity e) {
        return new ActivityEnded(instance(e), HistoryFacts.activity(e), instant(e.getEndTime()),
                e.getActivityInstanceState() == ActivityInstanceState.CANCELED.getStateCode());
    }

    private static TaskCreated created(HistoricTaskInstanceEventEntity e) {
        return new TaskCreated(instance(e), HistoryFacts.task(e), instant(e.getStartTime()),
                RunningCommand.candidateGroups(e.getId()));
    }

    private static TaskEnded ended(HistoricTaskInstanceEventEntity e, boolean completed) {
        return new TaskEnded(instance(e), HistoryFacts.task(e), instant(e.getEndTime()), completed);
    }

    private static boolean completed(HistoricTaskInstanceEventEntity e) {
        return TaskEntity.DELETE_REASON_COMPLETED.equals(e.getDeleteReason());
    }

    private static IncidentCreated created(HistoricIncidentEventEntity e) {
        return new IncidentCreated(instance(e), HistoryFacts.incident(e), instant(e.getCreateTime()));
    }

    private static IncidentEnded ended(HistoricIncidentEventEntity e, boolean resolved) {
        return new IncidentEnded(instance(e), HistoryFacts.incident(e), instant(e.getEndTime()), resolved);
    }

    /** Camunda's identity link history has no instance column; the task knows its instance. */
    private static IdentityLinkChanged linkChanged(HistoricIdentityLinkLogEventEntity e) {
        TaskEntity task = RunningCommand.task(e.getTaskId());
        String instanceId = e.getProcessInstanceId() != null ? e.getProcessInstanceId()
                : task == null ? null : task.getProcessInstanceId();
        String definitionKey = task != null && task.getProcessDefinition() != null
                ? task.getProcessDefinition().getKey() : e.getProcessDefinitionKey();
        Instance instance = new Instance(definitionKey, e.getProcessDefinitionId(), instanceId,
                e.getRootProcessInstanceId());
        return new IdentityLinkChanged(instance, e.getId(), e.getTaskId(), instant(e.getTime()), e.getType(),
                e.getOperationType(), LINK_ADDED.equals(e.getOperationType()), e.getUserId(), e.getGroupId(),
                e.getAssignerId(), HistoryFacts.runningTask(task));
    }

    private static DecisionEvaluated evaluated(HistoricDecisionEvaluationEvent evaluation) {
        Transition.Decision root = HistoryFacts.decision(evaluation.getRootHistoricDecisionInstance());
        return new DecisionEvaluated(root.instance(), root,
                HistoryFacts.decisions(evaluation.getRequiredHistoricDecisionInstances()));
    }

    private static boolean is(String type, HistoryEventTypes expected) {
        return expected.getEventName().equals(type);
    }
}
