package org.quorum.events;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publishing of engine transitions and decisions to Kafka.
 *
 * @param enabled  write events to the outbox and relay them; off, the engine runs as plain Camunda
 * @param source   CloudEvents {@code source} of every event
 * @param topics   topic names and how they are created
 * @param relay    the outbox relay
 * @param state    the state topic's projection
 */
@ConfigurationProperties("quorum.events")
public record EventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/quorum") URI source,
        @DefaultValue Topics topics,
        @DefaultValue Relay relay,
        @DefaultValue State state) {

    /**
     * @param process           lifecycle events of every process
     * @param decision          business decisions
     * @param state             the current state of every process instance (compacted)
     * @param partitions        partitions when Quorum creates a missing topic
     * @param replicationFactor replication factor when Quorum creates a missing topic
     * @param minInsyncReplicas  {@code min.insync.replicas} of a topic Quorum creates; 0 leaves the broker's
     *                           default. With the relay's {@code acks=all}, a send succeeds only once this many
     *                           replicas have the record, so one broker lost loses no acknowledged event.
     */
    public record Topics(
            @DefaultValue("quorum.process-events") String process,
            @DefaultValue("quorum.decision-events") String decision,
            @DefaultValue("quorum.process-state") String state,
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("0") int minInsyncReplicas) {
    }

    /**
     * @param enabled           run the relay on this node (rows are still written when off)
     * @param pollInterval      pause between outbox reads when there was nothing to send
     * @param batchSize         rows read and sent per round
     * @param retryBackoff      pause after Kafka failed to take a batch
     * @param retention         how long sent rows are kept (the audit view shows them) before cleanup
     * @param cleanupInterval   how often sent rows older than the retention are deleted
     * @param backlogWarning    unsent rows above which health warns and a log line is written
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100ms") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("1s") Duration retryBackoff,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("1h") Duration cleanupInterval,
            @DefaultValue("10000") long backlogWarning) {
    }

    /**
     * @param sweepInterval how often the states of instances whose history was removed get their tombstone
     */
    public record State(
            @DefaultValue("5m") Duration sweepInterval) {
    }
}
