package org.quorum.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Camunda keeps engines in a static, JVM-wide registry by name, and its REST API and webapps look the engine up
 * there. A test that starts and closes an application of its own (restart, crash, startup tests) unregisters
 * "default" when it closes, leaving the shared test application's REST API without an engine. Before each test
 * the shared application's engine is registered again, as the application itself did at startup.
 */
public class RegisteredEngine implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
        if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
            ProcessEngines.registerProcessEngine(engine);
        }
    }
}
