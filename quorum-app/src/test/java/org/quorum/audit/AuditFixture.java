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
public final class AuditFixture {

    public static final String KEY = "audit-fixture";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;

    public AuditFixture(RepositoryService repository, RuntimeService runtime, TaskService tasks,
                        IdentityService identity) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        repository.createDeployment().name(KEY).enableDuplicateFiltering(true)
                .addClasspathResource("org/quorum/audit/audit-fixture.bpmn")
                .addClasspathResource("org/quorum/audit/audit-fixture-check.form").deploy();
    }

    public String start(String businessKey) {
        return runtime.startProcessInstanceByKey(KEY, businessKey,
                Map.of("facilityType", "REGIONAL_CUSTOMS_LABORATORY")).getId();
    }

    public String taskId(String instanceId) {
        return tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    /** officer claims the check acting for the Head of Secretariat, and completes it with a comment. */
    public String checkAsOfficer(String instanceId, String comment) {
        return checkAsOfficer(instanceId, comment, "Head of Secretariat");
    }

    /**
     * officer claims the check and completes it with a comment, acting for {@code actingFor}. The engine's part is
     * played without an authenticated user, as the positions feature does: it records {@code actingFor} on the task
     * (no user may write it), and the task's comment saying so.
     */
    public String checkAsOfficer(String instanceId, String comment, String actingFor) {
        String taskId = taskId(instanceId);
        tasks.setVariableLocal(taskId, "actingFor", actingFor);
        identity.setAuthentication("officer", List.of("secretariat"));
        try {
            tasks.claim(taskId, "officer");
            tasks.createComment(taskId, instanceId, "officer acting for " + actingFor);
            tasks.complete(taskId, Map.of("comment", comment));
        } finally {
            identity.clearAuthentication();
        }
        return taskId;
    }
}
