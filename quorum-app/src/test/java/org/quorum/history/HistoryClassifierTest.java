package org.quorum.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.history.IncidentState;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionOutputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricActivityInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricIncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;
import org.junit.jupiter.api.Test;
import org.quorum.history.Transition.ActivityEnded;
import org.quorum.history.Transition.ActivityStarted;
import org.quorum.history.Transition.DecisionEvaluated;
import org.quorum.history.Transition.IdentityLinkChanged;
import org.quorum.history.Transition.IncidentCreated;
import org.quorum.history.Transition.IncidentEnded;
import org.quorum.history.Transition.OperationLogged;
import org.quorum.history.Transition.ProcessEnded;
import org.quorum.history.Transition.ProcessStarted;
import org.quorum.history.Transition.TaskCreated;
import org.quorum.history.Transition.TaskEnded;
import org.quorum.history.Transition.VariableUpdated;

/** Every kind of history Quorum handles, as the engine emits it and as HistoryService reads it back. */
class HistoryClassifierTest {

    private static final Date START = new Date(1_000);
    private static final Date END = new Date(2_000);

    private final HistoryClassifier classifier = new HistoryClassifier();

    @Test
    void processStartsAndEndsCompletedOrCancelled() {
        ProcessStarted started = only(classifier.classify(process("start", "ACTIVE")), ProcessStarted.class);
        assertThat(started.at()).isEqualTo(START.toInstant());
        assertThat(started.instance()).isEqualTo(new Transition.Instance("key", "key:1", "pi", "root"));
        assertThat(started.process().businessKey()).isEqualTo("BK-1");

        assertThat(only(classifier.classify(process("end", "COMPLETED")), ProcessEnded.class).completed()).isTrue();
        ProcessEnded cancelled = only(classifier.classify(process("end", "EXTERNALLY_TERMINATED")), ProcessEnded.class);
        assertThat(cancelled.completed()).isFalse();
        assertThat(cancelled.at()).isEqualTo(END.toInstant());
        assertThat(cancelled.process().deleteReason()).isEqualTo("withdrawn");
        assertThat(classifier.classify(process("update", "ACTIVE"))).isEmpty();
    }

    @Test
    void activitiesStartAndEndCompletedOrCancelled() {
        ActivityStarted started = only(classifier.classify(activity("start", ActivityInstanceState.DEFAULT)),
                ActivityStarted.class);
        assertThat(started.activity().id()).isEqualTo("act-1");
        assertThat(started.activity().type()).isEqualTo("serviceTask");
        assertThat(only(classifier.classify(activity("end", ActivityInstanceState.SCOPE_COMPLETE)), ActivityEnded.class)
                .cancelled()).isFalse();
        assertThat(only(classifier.classify(activity("end", ActivityInstanceState.CANCELED)), ActivityEnded.class)
                .cancelled()).isTrue();
        assertThat(classifier.classify(activity("update", ActivityInstanceState.DEFAULT))).isEmpty();
    }

    @Test
    void tasksAreCreatedAndCompletedOrCancelled() {
        TaskCreated created = only(classifier.classify(task("create", null)), TaskCreated.class);
        assertThat(created.task().id()).isEqualTo("task-1");
        assertThat(created.at()).isEqualTo(START.toInstant());
        TaskEnded completed = only(classifier.classify(task("complete", "completed")), TaskEnded.class);
        assertThat(completed.completed()).isTrue();
        assertThat(completed.at()).isEqualTo(END.toInstant());
        // Camunda also ends a deleted task with "complete"; the delete reason tells them apart.
        assertThat(only(classifier.classify(task("complete", "deleted")), TaskEnded.class).completed()).isFalse();
        assertThat(only(classifier.classify(task("delete", "deleted")), TaskEnded.class).completed()).isFalse();
        assertThat(classifier.classify(task("update", null))).isEmpty();
    }

    @Test
    void identityLinksAreAddedOrRemoved() {
        IdentityLinkChanged added = only(classifier.classify(link("add")), IdentityLinkChanged.class);
        assertThat(added.added()).isTrue();
        assertThat(added.ofAssignee()).isTrue();
        assertThat(added.instance().processInstanceId()).isEqualTo("pi");
        assertThat(added.id()).isEqualTo("link-1");
        assertThat(added.runningTask()).as("no engine command runs").isNull();
        assertThat(only(classifier.classify(link("delete")), IdentityLinkChanged.class).added()).isFalse();
        assertThat(classifier.read(link("add"))).isEqualTo(added);
    }

    @Test
    void incidentsAreCreatedAndResolvedOrDeleted() {
        IncidentCreated created = only(classifier.classify(incident("create", IncidentState.DEFAULT)),
                IncidentCreated.class);
        assertThat(created.incident().id()).isEqualTo("inc-1");
        assertThat(created.at()).isEqualTo(START.toInstant());
        IncidentEnded resolved = only(classifier.classify(incident("resolve", IncidentState.RESOLVED)),
                IncidentEnded.class);
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.at()).isEqualTo(END.toInstant());
        assertThat(only(classifier.classify(incident("delete", IncidentState.DELETED)), IncidentEnded.class)
                .resolved()).isFalse();
        assertThat(classifier.classify(incident("update", IncidentState.DEFAULT))).isEmpty();
    }

    @Test
    void aDecisionEvaluationNamesItsRootAndTheDecisionsItRequired() {
        HistoricDecisionEvaluationEvent evaluation = new HistoricDecisionEvaluationEvent();
        evaluation.setRootHistoricDecisionInstance(decision("dec-root"));
        evaluation.setRequiredHistoricDecisionInstances(List.of(decision("dec-required")));
        DecisionEvaluated evaluated = only(classifier.classify(evaluation), DecisionEvaluated.class);
        assertThat(evaluated.decision().id()).isEqualTo("dec-root");
        assertThat(evaluated.instance().processInstanceId()).isEqualTo("pi");
        assertThat(evaluated.decision().outputs()).singleElement()
                .isEqualTo(new Transition.DecisionOutput("rule-1", "eligible", true));
        assertThat(evaluated.required()).extracting(Transition.Decision::id).containsExactly("dec-required");
        assertThat(classifier.classify(new HistoricDecisionEvaluationEvent())).isEmpty();
    }

    @Test
    void variableUpdatesAndOperationLogRowsAreRecordedByTheirRow() {
        HistoricVariableUpdateEventEntity variable = inInstance(new HistoricVariableUpdateEventEntity(), "update");
        variable.setId("detail-1");
        assertThat(only(classifier.classify(variable), VariableUpdated.class).id()).isEqualTo("detail-1");
        HistoricVariableUpdateEventEntity removed = inInstance(new HistoricVariableUpdateEventEntity(), "delete");
        removed.setTaskId("task-1");
        removed.setVariableName("actingFor");
        removed.setTextValue("DSG");
        assertThat(only(classifier.classify(removed), VariableUpdated.class))
                .extracting(VariableUpdated::taskId, VariableUpdated::name, VariableUpdated::textValue,
                        VariableUpdated::deleted)
                .containsExactly("task-1", "actingFor", "DSG", true);
        UserOperationLogEntryEventEntity operation = inInstance(new UserOperationLogEntryEventEntity(), "Complete");
        operation.setId("op-1");
        assertThat(only(classifier.classify(operation), OperationLogged.class).id()).isEqualTo("op-1");
    }

    @Test
    void historyReadBackIsClassifiedByItsStateAsTheEngineEmittedIt() {
        HistoricTaskInstanceEntity open = copy(task("create", null), new HistoricTaskInstanceEntity());
        open.setEndTime(null);
        assertThat(classifier.read(open)).hasExactlyElementsOfTypes(TaskCreated.class);
        List<Transition> completed = classifier.read(copy(task("complete", "completed"),
                new HistoricTaskInstanceEntity()));
        assertThat(completed).hasExactlyElementsOfTypes(TaskCreated.class, TaskEnded.class);
        assertThat(completed.get(1)).isEqualTo(classifier.classify(task("complete", "completed")).get(0));
        assertThat(((TaskEnded) classifier.read(copy(task("delete", "deleted"), new HistoricTaskInstanceEntity()))
                .get(1)).completed()).isFalse();

        HistoricProcessInstanceEntity instance = new HistoricProcessInstanceEntity();
        instance.setStartTime(START);
        instance.setEndTime(END);
        instance.setState("INTERNALLY_TERMINATED");
        assertThat(classifier.read(instance)).hasExactlyElementsOfTypes(ProcessStarted.class, ProcessEnded.class);
        assertThat(((ProcessEnded) classifier.read(instance).get(1)).completed()).isFalse();

        HistoricActivityInstanceEntity activity = new HistoricActivityInstanceEntity();
        activity.setId("act-1");
        activity.setStartTime(START);
        activity.setEndTime(END);
        activity.setActivityInstanceState(ActivityInstanceState.CANCELED.getStateCode());
        assertThat(((ActivityEnded) classifier.read(activity).get(1)).cancelled()).isTrue();

        HistoricIncidentEntity incident = new HistoricIncidentEntity();
        incident.setCreateTime(START);
        incident.setEndTime(END);
        incident.setIncidentState(IncidentState.RESOLVED.getStateCode());
        assertThat(((IncidentEnded) classifier.read(incident).get(1)).resolved()).isTrue();
        incident.setIncidentState(IncidentState.DELETED.getStateCode());
        assertThat(((IncidentEnded) classifier.read(incident).get(1)).resolved()).isFalse();
        incident.setEndTime(null);
        assertThat(classifier.read(incident)).hasExactlyElementsOfTypes(IncidentCreated.class);
    }

    private static <T extends Transition> T only(List<Transition> transitions, Class<T> kind) {
        assertThat(transitions).singleElement().isInstanceOf(kind);
        return kind.cast(transitions.get(0));
    }

    private static <E extends HistoryEvent> E inInstance(E event, String type) {
        event.setEventType(type);
        event.setProcessDefinitionKey("key");
        event.setProcessDefinitionId("key:1");
        event.setProcessInstanceId("pi");
        event.setRootProcessInstanceId("root");
        return event;
    }

    private static HistoricProcessInstanceEventEntity process(String type, String state) {
        HistoricProcessInstanceEventEntity process = inInstance(new HistoricProcessInstanceEventEntity(), type);
        process.setId("pi");
        process.setBusinessKey("BK-1");
        process.setState(state);
        process.setStartTime(START);
        process.setEndTime("start".equals(type) ? null : END);
        process.setDeleteReason("withdrawn");
        return process;
    }

    private static HistoricActivityInstanceEventEntity activity(String type, ActivityInstanceState state) {
        HistoricActivityInstanceEventEntity activity = inInstance(new HistoricActivityInstanceEventEntity(), type);
        activity.setId("act-1");
        activity.setActivityInstanceId("act-1");
        activity.setActivityId("Task_Check");
        activity.setActivityType("serviceTask");
        activity.setActivityInstanceState(state.getStateCode());
        activity.setStartTime(START);
        activity.setEndTime(END);
        return activity;
    }

    private static HistoricTaskInstanceEventEntity task(String type, String deleteReason) {
        HistoricTaskInstanceEventEntity task = inInstance(new HistoricTaskInstanceEventEntity(), type);
        task.setId("task-1");
        task.setTaskId("task-1");
        task.setName("Check the request");
        task.setTaskDefinitionKey("Task_Check");
        task.setDeleteReason(deleteReason);
        task.setStartTime(START);
        task.setEndTime(END);
        return task;
    }

    private static HistoricTaskInstanceEntity copy(HistoricTaskInstanceEventEntity event,
                                                   HistoricTaskInstanceEntity read) {
        read.setId(event.getId());
        read.setProcessDefinitionKey(event.getProcessDefinitionKey());
        read.setProcessDefinitionId(event.getProcessDefinitionId());
        read.setProcessInstanceId(event.getProcessInstanceId());
        read.setRootProcessInstanceId(event.getRootProcessInstanceId());
        read.setName(event.getName());
        read.setTaskDefinitionKey(event.getTaskDefinitionKey());
        read.setDeleteReason(event.getDeleteReason());
        read.setStartTime(event.getStartTime());
        read.setEndTime(event.getEndTime());
        return read;
    }

    private static HistoricIdentityLinkLogEventEntity link(String operation) {
        HistoricIdentityLinkLogEventEntity link = inInstance(new HistoricIdentityLinkLogEventEntity(),
                operation + "-identity-link");
        link.setId("link-1");
        link.setTaskId("task-1");
        link.setType("assignee");
        link.setOperationType(operation);
        link.setUserId("sg");
        link.setTime(START);
        return link;
    }

    private static HistoricIncidentEventEntity incident(String type, IncidentState state) {
        HistoricIncidentEventEntity incident = inInstance(new HistoricIncidentEventEntity(), type);
        incident.setId("inc-1");
        incident.setIncidentType("failedJob");
        incident.setIncidentState(state.getStateCode());
        incident.setCreateTime(START);
        incident.setEndTime(END);
        return incident;
    }

    private static HistoricDecisionInstanceEntity decision(String id) {
        HistoricDecisionInstanceEntity decision = inInstance(new HistoricDecisionInstanceEntity(), null);
        decision.setId(id);
        decision.setDecisionDefinitionKey("request-eligibility");
        decision.setEvaluationTime(START);
        // Its value is deserialised by the engine's serializers, which only a running engine has.
        HistoricDecisionOutputInstanceEntity output = new HistoricDecisionOutputInstanceEntity() {
            @Override
            public Object getValue() {
                return true;
            }
        };
        output.setRuleId("rule-1");
        output.setVariableName("eligible");
        decision.setOutputs(List.of(output));
        return decision;
    }
}
