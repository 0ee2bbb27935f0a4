package org.quorum.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Real PostgreSQL and Kafka for every integration test: Testcontainers when a Docker engine is reachable,
 * otherwise nothing here, and the product's own embedded PostgreSQL and KRaft broker start instead
 * (see application-test.yaml). The choice is logged once per JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServices {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    PostgreSQLContainer<?> postgresContainer() {
        return new PostgreSQLContainer<>(POSTGRES_IMAGE);
    }

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    KafkaContainer kafkaContainer() {
        return new KafkaContainer(KAFKA_IMAGE);
    }

    static class DockerAvailable implements Condition {

        private static final Logger log = LoggerFactory.getLogger(TestServices.class);
        private static volatile Boolean available;

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            if (available == null) {
                synchronized (DockerAvailable.class) {
                    if (available == null) {
                        available = DockerClientFactory.instance().isDockerAvailable();
                        if (available) {
                            log.info("Docker found: integration tests use Testcontainers ({}, {})",
                                    POSTGRES_IMAGE, KAFKA_IMAGE);
                        } else {
                            log.info("No Docker engine: integration tests use the embedded PostgreSQL and the "
                                    + "embedded KRaft Kafka broker");
                        }
                    }
                }
            }
            return available;
        }
    }
}
