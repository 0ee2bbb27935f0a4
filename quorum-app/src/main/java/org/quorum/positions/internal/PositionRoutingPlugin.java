package org.quorum.positions.internal;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.quorum.infrastructure.camunda.ExtensionProperties;
import org.quorum.positions.ActingFor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Lets any user task in any process be addressed to a position with the extension property
 * {@code <camunda:property name="quorum.position" value="DSG" />}: a parse listener (Camunda's extension point
 * for behaviour across all models) adds the routing task listeners to such tasks, and the tenure-change job
 * handler is registered with the job executor.
 */
@Component
class PositionRoutingPlugin extends AbstractProcessEnginePlugin {

    static final String POSITION = "quorum.position";

    // Resolved lazily: the routing needs the engine's services, which need this plugin first.
    private final ObjectProvider<TaskRouting> routing;

    PositionRoutingPlugin(ObjectProvider<TaskRouting> routing) {
        this.routing = routing;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(new TenureChangeJobHandler(routing));
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String position = ExtensionProperties.of(element).get(POSITION);
                if (position != null) {
                    activity.setProperty(ActingFor.POSITION_ACTIVITY_PROPERTY, position.trim());
                    addListeners(((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition(),
                            position.trim());
                }
            }
        });
    }

    private void addListeners(TaskDefinition task, String position) {
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, t -> routing.getObject().onCreate(t, position));
        task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, t -> routing.getObject().onAssignment(t, position));
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, t -> routing.getObject().onComplete(t));
    }
}
