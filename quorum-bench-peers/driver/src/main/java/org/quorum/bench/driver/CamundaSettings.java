package org.quorum.bench.driver;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** What a Camunda engine actually ran with, read back from it rather than from the properties asked for. */
public final class CamundaSettings {

    private CamundaSettings() {
    }

    /** In the order of the report's JSON; the same reading for Quorum's variants and bare Camunda. */
    public static Map<String, Object> of(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("historyLevel", configuration.getHistoryLevel().getName());
        settings.put("idGenerator", configuration.getIdGenerator().getClass().getSimpleName());
        settings.put("jdbcBatchProcessing", configuration.isJdbcBatchProcessing());
        settings.put("authorizationEnabled", configuration.isAuthorizationEnabled());
        settings.put("jobExecutorActive", configuration.getJobExecutor().isActive());
        settings.put("jobExecutorMaxJobsPerAcquisition", configuration.getJobExecutor().getMaxJobsPerAcquisition());
        return settings;
    }
}
