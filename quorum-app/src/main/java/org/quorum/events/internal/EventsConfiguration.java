package org.quorum.events.internal;

import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.quorum.events.EventsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "quorum.events.enabled", matchIfMissing = true)
@EnableScheduling
class EventsConfiguration {

    /**
     * Created at startup when missing (KafkaAdmin), and again by the relay if Kafka was away at startup. The state
     * topic is compacted: Kafka keeps the last record of each instance, and drops an instance after its tombstone.
     */
    @Bean
    KafkaAdmin.NewTopics quorumTopics(EventsProperties properties) {
        EventsProperties.Topics topics = properties.topics();
        return new KafkaAdmin.NewTopics(topic(topics.process(), topics).build(),
                topic(topics.decision(), topics).build(),
                topic(topics.state(), topics).config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                        .build());
    }

    private static TopicBuilder topic(String name, EventsProperties.Topics topics) {
        TopicBuilder topic = TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor());
        if (topics.minInsyncReplicas() > 0) {
            topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(topics.minInsyncReplicas()));
        }
        return topic;
    }

    @Bean
    OutboxBacklog outboxBacklog(JdbcTemplate jdbc, EventsProperties properties, MeterRegistry registry) {
        return new OutboxBacklog(jdbc, properties, registry);
    }

    @Bean("outbox")
    OutboxHealthIndicator outboxHealthIndicator(OutboxBacklog backlog) {
        return new OutboxHealthIndicator(backlog);
    }

    @Bean
    OutboxCleanup outboxCleanup(JdbcTemplate jdbc, EventsProperties properties) {
        return new OutboxCleanup(jdbc, properties);
    }

    @Bean
    ProcessStateSweep processStateSweep(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                        TransactionalOutbox outbox, StateRecords records, OutboxSignal signal) {
        return new ProcessStateSweep(jdbc, new TransactionTemplate(transactionManager), outbox, records, signal);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "quorum.events.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, ObjectProvider<JdbcConnectionDetails> database, JdbcTemplate jdbc,
                            KafkaProperties kafkaProperties, KafkaConnectionDetails connection,
                            CloudEventMapper cloudEvents, DeadLetters deadLetters, KafkaAdmin kafkaAdmin,
                            EventsProperties properties, OutboxBacklog backlog, OutboxSignal signal,
                            MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties(null));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getBootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "quorum-outbox-relay");
        config.putAll(KafkaBatchSender.producerOverrides());
        KafkaProducer<String, CloudEvent> producer =
                new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
        RelayLeadership leadership = new RelayLeadership(relaySessions(database.getIfAvailable(), dataSource));
        return new OutboxRelay(leadership, jdbc, producer, cloudEvents, deadLetters, kafkaAdmin, properties, backlog,
                signal, registry);
    }

    /**
     * Sessions of the relay's own, opened with the application's connection settings but outside its pool (see
     * {@link RelayLeadership}). Bounded waits, so that a database that stopped answering cannot hold the relay's
     * thread; TCP keep-alive, so that a vanished server is noticed on an idle session too.
     */
    static RelayLeadership.ConnectionSource relaySessions(JdbcConnectionDetails database, DataSource dataSource) {
        if (database == null || database.getJdbcUrl() == null || !database.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            return dataSource::getConnection;
        }
        Properties settings = new Properties();
        if (database.getUsername() != null) {
            settings.setProperty("user", database.getUsername());
        }
        if (database.getPassword() != null) {
            settings.setProperty("password", database.getPassword());
        }
        settings.setProperty("ApplicationName", "quorum-outbox-relay");
        settings.setProperty("connectTimeout", "5");
        settings.setProperty("socketTimeout", "30");
        settings.setProperty("tcpKeepAlive", "true");
        String url = database.getJdbcUrl();
        return () -> DriverManager.getConnection(url, settings);
    }
}
