package org.quorum.audit;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/**
 * Drives the audit fixture process (deployed here, not at startup, so other tests do not see it): a request
 * checked by {@code officer} acting for a position, then a DMN decision.
 */
final class AuditFixture {

    static final String KEY = "audit-fixture";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;

    AuditFixture(RepositoryService repository, RuntimeService runtime, TaskService tasks, IdentityService identity) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        repository.createDeployment().name(KEY).enableDuplicateFiltering(true)
                .addClasspathResource("org/quorum/audit/audit-fixture.bpmn")
                .addClasspathResource("org/quorum/audit/audit-fixture-check.form").deploy();
    }

    String start(String businessKey) {
        return runtime.startProcessInstanceByKey(KEY, businessKey,
                Map.of("facilityType", "REGIONAL_CUSTOMS_LABORATORY")).getId();
    }

    String taskId(String instanceId) {
        return tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    /** officer claims the check, records acting for the Head of Secretariat, and completes it with a comment. */
    String checkAsOfficer(String instanceId, String comment) {
        String taskId = taskId(instanceId);
        identity.setAuthentication("officer", List.of("secretariat"));
        try {
            tasks.claim(taskId, "officer");
            tasks.setVariableLocal(taskId, "actingFor", "Head of Secretariat");
            tasks.complete(taskId, Map.of("comment", comment));
        } finally {
            identity.clearAuthentication();
        }
        return taskId;
    }
}
