package org.quorum.events.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.quorum.events.EventsProperties;
import org.quorum.history.RunningCommand;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.positions.ActingFor;
import org.springframework.stereotype.Component;

/**
 * Puts a decision event into the outbox when a declared decision point is reached, in the transaction that
 * reaches it: a decision that is rolled back is never published. The event's type is the declared decision,
 * its data the declared variables; nothing else of the process state goes out.
 */
@Component
class DecisionRecorder {

    private final TransactionalOutbox outbox;
    private final ProcessStateProjection states;
    private final boolean enabled;
    private final String topic;

    DecisionRecorder(TransactionalOutbox outbox, ProcessStateProjection states, EventsProperties properties) {
        this.outbox = outbox;
        this.states = states;
        this.enabled = properties.enabled();
        this.topic = properties.topics().decision();
    }

    ExecutionListener listener(DecisionDeclarations.Declaration declaration) {
        return execution -> {
            if (enabled) {
                EventDraft draft = draft(declaration, (ExecutionEntity) execution);
                outbox.add(draft);
                states.decided(draft.processInstanceId(),
                        CloudEventMapper.TYPE_PREFIX + draft.type() + CloudEventMapper.TYPE_VERSION, draft.occurredAt());
            }
        };
    }

    private EventDraft draft(DecisionDeclarations.Declaration declaration, ExecutionEntity execution) {
        ExecutionEntity instance = execution.getProcessInstance();
        String root = execution.getRootProcessInstanceId() != null
                ? execution.getRootProcessInstanceId() : instance.getId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("actor", RunningCommand.actor());
        data.put("decision", declaration.type());
        data.put("activityId", declaration.activityId());
        data.put("activityName", execution.getCurrentActivityName());
        data.put("activityInstanceId", execution.getActivityInstanceId());
        data.put("variables", variables(declaration, execution));
        String businessKey = instance.getBusinessKey();
        return new EventDraft(topic, root, declaration.type(), businessKey != null ? businessKey : instance.getId(),
                EngineClock.now(), instance.getProcessDefinition().getKey(), instance.getId(),
                root, businessKey, ActingFor.current(), data);
    }

    private static Map<String, Object> variables(DecisionDeclarations.Declaration declaration,
                                                 DelegateExecution execution) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String name : declaration.variables()) {
            Object value = execution.getVariable(name);
            variables.put(name, value instanceof Date date ? date.toInstant() : value);
        }
        return variables;
    }
}
