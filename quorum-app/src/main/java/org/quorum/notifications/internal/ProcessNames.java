package org.quorum.notifications.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** A process's name as its model gives it (its key when it has none), for mails; names rarely change. */
@Component
class ProcessNames {

    private final RepositoryService repository;
    private final Map<String, String> byKey = new ConcurrentHashMap<>();

    ProcessNames(RepositoryService repository) {
        this.repository = repository;
    }

    String of(String processDefinitionKey) {
        if (processDefinitionKey == null) {
            return "(no process)";
        }
        return byKey.computeIfAbsent(processDefinitionKey, key -> {
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            return latest == null || latest.getName() == null ? key : latest.getName();
        });
    }
}
