package org.quorum.integrity.internal;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.quorum.positions.Positions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Installs the integrity guard inside the engine, after the command context interceptor so that it runs in the
 * command's own transaction: a refusal rolls back with the command, and nothing of it is written or published.
 */
@Component
class IntegrityPlugin extends AbstractProcessEnginePlugin {

    // Resolved lazily: positions need the engine's services, which need this plugin first.
    private final ObjectProvider<Positions> positions;
    private final ApplicationContext context;

    IntegrityPlugin(ObjectProvider<Positions> positions, ApplicationContext context) {
        this.positions = positions;
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new ModelIntegrityGuard(positions));
        // Spring's engine factory made its expression manager before the plugins ran, seeing every bean.
        configuration.setExpressionManager(new SpringExpressionManager(context, new ProcessBeans(context)));
    }
}
