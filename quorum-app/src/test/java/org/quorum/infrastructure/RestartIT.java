package org.quorum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.support.OwnApplication;
import org.quorum.support.StandaloneQuorum;
import org.springframework.context.ConfigurableApplicationContext;

/** The README's run command keeps its data in one folder: a second start on it finds the work of the first. */
@OwnApplication
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void runningProcessInstanceSurvivesARestartOnTheSameDataFolder() {
        String instanceId;
        try (ConfigurableApplicationContext first = StandaloneQuorum.startDemo(dataDir)) {
            ProcessEngine engine = first.getBean(ProcessEngine.class);
            instanceId = engine.getRuntimeService().startProcessInstanceByKey("foundation-visibility").getId();
            Task secretariatTask = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                    .taskDefinitionKey("Task_SecretariatCheck").singleResult();
            engine.getTaskService().complete(secretariatTask.getId());
        }

        try (ConfigurableApplicationContext second = StandaloneQuorum.startDemo(dataDir)) {
            ProcessEngine engine = second.getBean(ProcessEngine.class);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
                    .isEqualTo(1);
            Task councilTask = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                    .singleResult();
            assertThat(councilTask.getTaskDefinitionKey()).isEqualTo("Task_CouncilDecision");

            engine.getTaskService().complete(councilTask.getId());

            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                    .singleResult().getState()).isEqualTo("COMPLETED");
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                    .activityId("Task_SecretariatCheck").count()).isEqualTo(1);
        }
    }
}
