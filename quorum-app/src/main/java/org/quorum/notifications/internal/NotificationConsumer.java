package org.quorum.notifications.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.quorum.events.EventsProperties;
import org.quorum.events.client.QuorumEventReceiver;
import org.quorum.events.client.QuorumEventStream;
import org.quorum.events.client.UnreadableEventException;
import org.quorum.notifications.NotificationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Reads {@code quorum.process-events} in the notifier's own consumer group, as any subscriber would, with the
 * consumer kit's settings (read committed, manual commits, from the beginning for a new group). The notifiers of
 * all nodes share one group, so Kafka gives each partition to one of them.
 * <p>
 * Spring Kafka's container runs the loop: it commits the offsets of a poll's records once the listener returned
 * for each of them (at least once, {@code AckMode.BATCH}), and when the listener fails (the database is away) it
 * seeks back and tries the same record again with growing waits, never skipping it. One commit per poll rather
 * than per record ({@code AckMode.RECORD}): a synchronous offset commit per event cost the node and the broker
 * more than the mail work itself (issue 17's profile), and a record handled twice after a crash is recognised
 * by its id in the database anyway. An event the kit cannot read is logged and
 * passed over: it is no task event this version knows, and waiting would stop every event behind it.
 */
@Component
class NotificationConsumer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationConsumer.class);

    private final NotifierSwitch notifier;
    private final DefaultKafkaConsumerFactory<String, byte[]> consumers;
    private final String topic;
    private final EventNotifications listener;
    private volatile KafkaMessageListenerContainer<String, byte[]> container;

    NotificationConsumer(NotifierSwitch notifier, NotificationsProperties properties, EventsProperties events,
                         KafkaProperties kafka, KafkaConnectionDetails connection, EventNotifications listener) {
        this.notifier = notifier;
        this.listener = listener;
        this.topic = events.topics().process();
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.putAll(QuorumEventStream.consumerProperties(String.join(",", connection.getBootstrapServers()),
                properties.consumerGroup()));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "quorum-notifier");
        this.consumers = new DefaultKafkaConsumerFactory<>(config);
    }

    /**
     * A new container and receiver at each start: after a restart nothing is remembered in memory, and
     * redeliveries are recognised by the handled ids in the database alone.
     */
    private KafkaMessageListenerContainer<String, byte[]> newContainer() {
        ContainerProperties settings = new ContainerProperties(topic);
        settings.setAckMode(ContainerProperties.AckMode.BATCH);
        QuorumEventReceiver receiver = new QuorumEventReceiver(listener);
        settings.setMessageListener((MessageListener<String, byte[]>) record -> accept(receiver, record));
        KafkaMessageListenerContainer<String, byte[]> created = new KafkaMessageListenerContainer<>(consumers, settings);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        created.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        created.setBeanName("quorumNotifier");
        return created;
    }

    private static void accept(QuorumEventReceiver receiver, ConsumerRecord<String, byte[]> record) {
        try {
            receiver.accept(record);
        } catch (UnreadableEventException unreadable) {
            LOG.warn("Notifier passes over record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    unreadable.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (notifier.on() && !isRunning()) {
            container = newContainer();
            container.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        KafkaMessageListenerContainer<String, byte[]> running = container;
        return running != null && running.isRunning();
    }

    /** After the engine and the database, before the web server: stopped before them too. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
