package org.quorum.integrity.internal;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Binds every task completion and every process start by an authenticated user to the Camunda Form of the task
 * or start event, inside the engine, so that Tasklist, the REST API, Quorum's API and any Java caller obey alike.
 * See {@link FormSubmissionInterceptors} for where the check sits and which commands it skips.
 */
@Component
class FormSubmissionPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        // The identity service exists only once the engine is built; it is read per command.
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new FormSubmissionInterceptors.Marker(
                () -> configuration.getIdentityService().getCurrentAuthentication() != null));
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new FormSubmissionInterceptors.Check());
    }
}
