package org.quorum.events.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.quorum.infrastructure.camunda.ExtensionProperties;
import org.springframework.stereotype.Component;

/**
 * Finds the decision points declared in BPMN and publishes a decision event whenever one is reached.
 * <p>
 * A decision point is any activity or event carrying the Camunda extension properties
 * <pre>{@code
 * <camunda:property name="quorum.decision" value="request.endorsed" />
 * <camunda:property name="quorum.decision.data" value="requestingAdministration,facilityType" />
 * }</pre>
 * Declaring it once on the element that records the decision keeps models free of per-element listener
 * wiring. A Camunda parse listener (the engine's own extension point for this) attaches the recorder at
 * deployment, so a malformed declaration fails the deployment with a message naming the element, instead of
 * failing later when an officer reaches it.
 */
@Component
class DecisionDeclarations extends AbstractProcessEnginePlugin {

    static final String DECISION = "quorum.decision";
    static final String DATA = "quorum.decision.data";
    private static final Pattern DECISION_TYPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final DecisionRecorder recorder;

    DecisionDeclarations(DecisionRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseRootElement(Element root, List<ProcessDefinitionEntity> processDefinitions) {
                for (Element process : root.elements("process")) {
                    ProcessDefinitionEntity definition = processDefinitions.stream()
                            .filter(d -> d.getKey().equals(process.attribute("id"))).findFirst().orElse(null);
                    if (definition != null) {
                        attach(process, definition);
                    }
                }
            }
        });
    }

    private void attach(Element scope, ProcessDefinitionEntity definition) {
        for (Element element : scope.elements()) {
            Declaration declaration = declaration(element, definition.getKey());
            if (declaration != null) {
                ActivityImpl activity = definition.findActivity(element.attribute("id"));
                if (activity == null) {
                    throw new ProcessEngineException("Process '%s': %s is declared on '%s', which is not an activity or event"
                            .formatted(definition.getKey(), DECISION, element.attribute("id")));
                }
                activity.addListener(ExecutionListener.EVENTNAME_START, recorder.listener(declaration));
            }
            attach(element, definition);
        }
    }

    private static Declaration declaration(Element element, String processKey) {
        Map<String, String> properties = ExtensionProperties.of(element);
        String type = properties.get(DECISION);
        String data = properties.get(DATA);
        String where = "Process '%s', element '%s': ".formatted(processKey, element.attribute("id"));
        if (type == null) {
            if (data != null) {
                throw new ProcessEngineException(where + DATA + " is set but " + DECISION + " is missing");
            }
            return null;
        }
        if (!DECISION_TYPE.matcher(type).matches()) {
            throw new ProcessEngineException(where + DECISION + " '" + type
                    + "' must be dot-separated lower-case words in the past tense, e.g. 'request.endorsed'");
        }
        List<String> variables = data == null || data.isBlank() ? List.of()
                : Arrays.stream(data.split(",")).map(String::trim).toList();
        for (String variable : variables) {
            if (!VARIABLE.matcher(variable).matches()) {
                throw new ProcessEngineException(where + DATA + " must list process variable names separated by "
                        + "commas; '" + variable + "' is not a variable name");
            }
        }
        return new Declaration(type, element.attribute("id"), variables);
    }

    /** A decision point: the decision type it publishes and the process variables it publishes with it. */
    record Declaration(String type, String activityId, List<String> variables) {
    }
}
