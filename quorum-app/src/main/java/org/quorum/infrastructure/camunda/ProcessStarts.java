package org.quorum.infrastructure.camunda;

import java.net.URI;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Starts a process for Quorum's API as the signed-in user: the engine checks that user's authorizations
 * (create instance on the definition) exactly as for a start through Tasklist or the REST API.
 */
@Component
public class ProcessStarts {

    private final RuntimeService runtime;

    ProcessStarts(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public ResponseEntity<Started> start(String processKey, String businessKey, Map<String, Object> variables) {
        ProcessInstance instance = runtime.createProcessInstanceByKey(processKey).businessKey(businessKey)
                .setVariables(variables).execute();
        Started started = new Started(instance.getId(), processKey, instance.getBusinessKey());
        return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + instance.getId())).body(started);
    }

    /** What the API answers: the new instance, as the engine's REST API and Cockpit know it. */
    public record Started(String processInstanceId, String processDefinitionKey, String businessKey) {
    }
}
