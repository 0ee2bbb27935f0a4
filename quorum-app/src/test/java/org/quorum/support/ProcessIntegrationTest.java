package org.quorum.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.quorum.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the process tests: the shared application context (same annotations as every other
 * {@code @QuorumIntegrationTest}, so one context serves them all), camunda-bpm-assert bound to its engine, and
 * the job executor paused while a test runs, so that the test alone executes async continuations and timers
 * ({@code execute(job(...))}) instead of racing the executor. The executor is started again afterwards.
 */
@QuorumIntegrationTest
public abstract class ProcessIntegrationTest {

    @Autowired
    protected ProcessEngine processEngine;

    private boolean executorWasActive;

    @BeforeEach
    void bindEngineAndPauseJobExecutor() {
        BpmnAwareTests.init(processEngine);
        JobExecutor executor = jobExecutor();
        executorWasActive = executor.isActive();
        if (executorWasActive) {
            executor.shutdown();
        }
    }

    @AfterEach
    void resumeJobExecutor() {
        if (executorWasActive) {
            jobExecutor().start();
        }
        BpmnAwareTests.reset();
    }

    /** A variable's last value, from history, so that it can be read after the instance has ended. */
    protected Object variable(ProcessInstance instance, String name) {
        List<HistoricVariableInstance> values = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).list();
        assertThat(values).as("variable %s of %s", name, instance.getId()).hasSize(1);
        return values.get(0).getValue();
    }

    /**
     * The latest version of the process is deployed with a history time to live, and every user task (and the
     * start event) has a deployed Camunda Form and candidate groups that are bodies or offices.
     */
    protected void assertDeployedWithFormsAndCandidateGroups(String processKey) throws IOException {
        RepositoryService repository = processEngine.getRepositoryService();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        assertThat(definition).as("deployed process %s", processKey).isNotNull();
        assertThat(definition.getHistoryTimeToLive()).isNotNull();
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(processKey);
        Set<String> formRefs = new HashSet<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            assertThat(start.getCamundaFormRef()).as("form of %s", start.getId()).isNotBlank();
            formRefs.add(start.getCamundaFormRef());
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as("form binding of %s", task.getId()).isEqualTo("latest");
            assertThat(task.getCamundaCandidateUsers()).as("candidate users of %s", task.getId()).isNull();
            assertThat(task.getCamundaCandidateGroupsList()).as("candidate groups of %s", task.getId())
                    .isNotEmpty().isSubsetOf(Groups.WORKING);
            formRefs.add(task.getCamundaFormRef());
        }
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(deployedFormIds()).containsAll(formRefs);
    }

    private Set<String> deployedFormIds() throws IOException {
        RepositoryService repository = processEngine.getRepositoryService();
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (Deployment deployment : repository.createDeploymentQuery().list()) {
            for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
                if (resource.endsWith(".form")) {
                    try (InputStream in = repository.getResourceAsStream(deployment.getId(), resource)) {
                        ids.add(json.readTree(in).path("id").asText());
                    }
                }
            }
        }
        return ids;
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
    }
}
