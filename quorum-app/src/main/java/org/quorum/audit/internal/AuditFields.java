package org.quorum.audit.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Which process variables the audit timeline shows with their values: those a process lists, comma-separated,
 * in the process-level extension property {@code quorum.audit.fields}. Form data can hold personal data, so a
 * value is shown only where the model says it is part of the record. (Every variable update is covered by the
 * hash chain regardless.)
 */
@Component
class AuditFields {

    static final String PROPERTY = "quorum.audit.fields";

    private final RepositoryService repository;
    /** Per process definition id; a deployed definition never changes, and their number is bounded. */
    private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

    AuditFields(RepositoryService repository) {
        this.repository = repository;
    }

    Set<String> of(String processDefinitionId) {
        return cache.computeIfAbsent(processDefinitionId, this::read);
    }

    private Set<String> read(String processDefinitionId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
        String key = repository.getProcessDefinition(processDefinitionId).getKey();
        return model.getModelElementsByType(Process.class).stream()
                .filter(process -> key.equals(process.getId()))
                .map(Process::getExtensionElements)
                .filter(extensions -> extensions != null)
                .flatMap(extensions -> properties(extensions).stream())
                .filter(property -> PROPERTY.equals(property.getCamundaName()) && property.getCamundaValue() != null)
                .flatMap(property -> Arrays.stream(property.getCamundaValue().split(",")))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static java.util.Collection<CamundaProperty> properties(ExtensionElements extensions) {
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .toList();
    }
}
