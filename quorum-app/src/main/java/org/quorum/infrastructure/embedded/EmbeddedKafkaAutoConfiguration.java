package org.quorum.infrastructure.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.quorum.infrastructure.startup.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts the in-process KRaft broker when no Kafka cluster is configured and hands it to Spring Boot as its
 * {@link KafkaConnectionDetails}. {@code spring.kafka.bootstrap-servers} or another connection-details bean
 * (Testcontainers' {@code @ServiceConnection}) turns it off.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnPropertyAbsent("spring.kafka.bootstrap-servers")
@ConditionalOnBooleanProperty(name = "quorum.embedded.kafka.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(KafkaConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedServicesProperties.class)
public class EmbeddedKafkaAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedKafkaBroker embeddedKafkaBroker(EmbeddedServicesProperties properties) throws IOException {
        EmbeddedServicesProperties.Kafka settings = properties.kafka();
        Path logDir = properties.dataDir().resolve("kafka").toAbsolutePath().normalize();
        int port = FreePorts.claim(settings.port(), "embedded Kafka broker", "quorum.embedded.kafka.port");
        int controllerPort = FreePorts.claim(settings.controllerPort(), "embedded Kafka controller",
                "quorum.embedded.kafka.controller-port");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, port, controllerPort);
        log.info("Embedded Kafka broker (KRaft) on {}, data in {}. To use your own cluster set "
                + "SPRING_KAFKA_BOOTSTRAP_SERVERS.", broker.bootstrapServers(), logDir);
        return broker;
    }

    @Bean
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker) {
        return () -> List.of(broker.bootstrapServers());
    }
}
