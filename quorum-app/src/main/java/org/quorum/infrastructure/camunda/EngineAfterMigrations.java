package org.quorum.infrastructure.camunda;

import java.util.Arrays;
import java.util.stream.Stream;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Makes the process engine start after Flyway has migrated Quorum's own tables: once built, the engine may
 * run jobs at once, and their history events are written to the event outbox.
 */
@Component
class EngineAfterMigrations implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String[] migrations = beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false);
        if (migrations.length == 0) {
            return;
        }
        for (String engine : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
            String name = engine.startsWith("&") ? engine.substring(1) : engine;
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            String[] existing = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
            definition.setDependsOn(Stream.concat(Arrays.stream(existing), Arrays.stream(migrations))
                    .distinct().toArray(String[]::new));
        }
    }
}
