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
 * Installs Quorum's integrity checks inside the engine, so that Tasklist, the REST API, Quorum's API and any Java
 * caller obey alike. Both run after the command context interceptor, in the command's own transaction: a refusal
 * rolls back with the command, and nothing of it is written or published. In order:
 * <ol>
 *   <li>the form check ({@link FormSubmissionInterceptors}: a pre interceptor marks the top-level completion or
 *   start, a post interceptor checks it against the step's Camunda Form), so that a submission that does not fit
 *   its form is answered 400 naming each variable;</li>
 *   <li>the {@link ModelIntegrityGuard}: administrators-only commands, the engine's markers, the incumbent rule.</li>
 * </ol>
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
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new ModelIntegrityGuard(positions));
        // Spring's engine factory made its expression manager before the plugins ran, seeing every bean.
        configuration.setExpressionManager(new SpringExpressionManager(context, new ProcessBeans(context)));
    }
}
