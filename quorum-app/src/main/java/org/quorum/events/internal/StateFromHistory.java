package org.quorum.events.internal;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.quorum.history.HistoryClassifier;
import org.quorum.history.RunningCommand;
import org.quorum.history.Transition;
import org.quorum.history.Transition.Instance;
import org.quorum.history.Transition.VariableUpdated;
import org.quorum.positions.ActingFor;
import org.quorum.positions.Positions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The state of an instance the projection has no record of, read back from its history: an instance that was
 * running when Quorum was upgraded to a version with the state topic. Read at the commit of the instance's first
 * transaction since, when the engine has flushed that transaction's history too, through the same classifier the
 * engine's own history goes through.
 */
@Component
class StateFromHistory {

    /** Looked up when needed: the engine is built after the plugins that lead here through the decision recorder. */
    private final ObjectProvider<ProcessEngine> engines;
    private final HistoryClassifier classifier;

    StateFromHistory(ObjectProvider<ProcessEngine> engines, HistoryClassifier classifier) {
        this.engines = engines;
        this.classifier = classifier;
    }

    /**
     * Read as the engine, not as the user whose transaction it is: the state is the whole instance's, whatever
     * history that user may read.
     */
    InstanceState read(String processInstanceId) {
        ProcessEngine engine = engines.getObject();
        return RunningCommand.withoutActor(engine.getIdentityService(),
                () -> read(engine.getHistoryService(), processInstanceId));
    }

    private InstanceState read(HistoryService history, String processInstanceId) {
        InstanceState state = InstanceState.start(processInstanceId);
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return state;
        }
        classifier.read(instance).forEach(t -> state.apply(t, null));
        if (instance.getEndTime() != null) {
            return state;
        }
        history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).unfinished().list()
                .forEach(activity -> apply(state, classifier.read(activity)));
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).unfinished().list()) {
            apply(state, classifier.read(task));
            history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).orderByTime().asc().list()
                    .forEach(link -> state.apply(classifier.read(link), null));
            for (String name : List.of(Positions.TASK_VARIABLE, ActingFor.TASK_VARIABLE)) {
                HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
                        .taskIdIn(task.getId()).variableName(name).singleResult();
                if (variable != null && variable.getValue() != null) {
                    state.apply(new VariableUpdated(new Instance(instance.getProcessDefinitionKey(),
                            instance.getProcessDefinitionId(), processInstanceId,
                            instance.getRootProcessInstanceId()), variable.getId(), task.getId(), name,
                            variable.getValue().toString(), false), null);
                }
            }
        }
        return state;
    }

    private static void apply(InstanceState state, List<Transition> transitions) {
        transitions.forEach(t -> state.apply(t, null));
    }
}
