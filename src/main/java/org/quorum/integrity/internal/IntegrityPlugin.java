package org.quorum.integrity.internal;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.quorum.positions.Positions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs the integrity guard inside the engine, after the command context interceptor so that it runs in the
 * command's own transaction: a refusal rolls back with the command, and nothing of it is written or published.
 */
@Component
class IntegrityPlugin extends AbstractProcessEnginePlugin {

    // Resolved lazily: positions need the engine's services, which need this plugin first.
    private final ObjectProvider<Positions> positions;

    IntegrityPlugin(ObjectProvider<Positions> positions) {
        this.positions = positions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new ModelIntegrityGuard(positions));
    }
}
