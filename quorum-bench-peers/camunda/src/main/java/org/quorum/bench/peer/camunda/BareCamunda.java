package org.quorum.bench.peer.camunda;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.quorum.bench.driver.CamundaSettings;
import org.quorum.bench.driver.OneTaskWorkload;
import org.quorum.bench.driver.PeerRound;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bare Camunda 7.24 Spring Boot starter with nothing of Quorum, as the benchmark's BARE_CAMUNDA variant:
 * the starter's defaults, history level {@code full} (the default) stated in application.yaml. The model is
 * Quorum's own bench-one-task.bpmn, added to this jar by the build.
 */
@SpringBootApplication
public class BareCamunda {

    public static void main(String[] args) throws Exception {
        PeerRound.run(args, BareCamunda.class, context -> {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            engine.getRepositoryService().createDeployment().name("bench")
                    .addClasspathResource("bench/bench-one-task.bpmn").enableDuplicateFiltering(true).deploy();
            RuntimeService runtime = engine.getRuntimeService();
            TaskService tasks = engine.getTaskService();
            return new PeerRound.Peer(new OneTaskWorkload("bench-one-task",
                    (key, businessKey) -> runtime.startProcessInstanceByKey(key, businessKey).getId(),
                    instance -> tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
                    task -> tasks.complete(task, Map.of()),
                    key -> runtime.createProcessInstanceQuery().processDefinitionKey(key).count()),
                    CamundaSettings.of(engine));
        });
    }
}
