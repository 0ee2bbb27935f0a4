package org.quorum.bench.peer.flowable;

import java.util.LinkedHashMap;
import java.util.Map;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.quorum.bench.driver.OneTaskWorkload;
import org.quorum.bench.driver.PeerRound;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bare Flowable 7.1 Spring Boot starter, as the benchmark's BARE_FLOWABLE variant: the starter's defaults
 * except history level {@code full} (Flowable's default is {@code audit}). The model is the one-task model of
 * Quorum's variants, written with Flowable's attributes instead of Camunda's.
 */
@SpringBootApplication
public class BareFlowable {

    public static void main(String[] args) throws Exception {
        PeerRound.run(args, BareFlowable.class, context -> {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            engine.getRepositoryService().createDeployment().name("bench")
                    .addClasspathResource("bench/bench-one-task.bpmn20.xml").enableDuplicateFiltering().deploy();
            RuntimeService runtime = engine.getRuntimeService();
            TaskService tasks = engine.getTaskService();
            return new PeerRound.Peer(new OneTaskWorkload("bench-one-task",
                    (key, businessKey) -> runtime.startProcessInstanceByKey(key, businessKey).getId(),
                    instance -> tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
                    task -> tasks.complete(task, Map.of()),
                    key -> runtime.createProcessInstanceQuery().processDefinitionKey(key).count()),
                    settings(engine));
        });
    }

    /** What the engine actually ran with, read back from it. */
    private static Map<String, Object> settings(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("historyLevel", configuration.getHistoryLevel().getKey());
        settings.put("idGenerator", configuration.getIdGenerator().getClass().getSimpleName());
        settings.put("asyncExecutorActive", configuration.getAsyncExecutor().isActive());
        return settings;
    }
}
