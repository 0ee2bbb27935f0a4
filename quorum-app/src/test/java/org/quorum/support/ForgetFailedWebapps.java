package org.quorum.support;

import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Camunda's webapp filters find the application through a JVM-wide static, which Camunda clears when an application
 * closes; a start that fails during its refresh never closes, so the next start in the same JVM would initialise
 * its filters against the failed application ("has not been refreshed yet"). Production exits after a failed start;
 * tests that start again after one clear the static here.
 */
final class ForgetFailedWebapps extends LazyInitRegistration implements ApplicationListener<ApplicationFailedEvent> {

    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        onContextClosed(null);
    }
}
