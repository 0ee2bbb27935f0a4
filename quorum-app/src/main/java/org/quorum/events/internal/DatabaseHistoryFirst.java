package org.quorum.events.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets the engine's own database history handler see each history event before any other handler.
 * <p>
 * By default Camunda calls the custom handlers (among them the starter's publisher that feeds the history
 * transitions to {@link HistoryEventCapture} and the audit chain) first and its database handler last. The database handler is what gives some
 * history entities their ids (a DMN evaluation's decision instances), so events mapped before it would carry
 * no decision instance id. Same handlers, same transaction; only the order changes. Runs after the other
 * plugins so that handlers they register keep their relative order behind it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseHistoryFirst extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!configuration.isEnableDefaultDbHistoryEventHandler()) {
            return;
        }
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new DbHistoryEventHandler());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }
}
