package org.quorum.events.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The example consumer of docs/consumers.md, as a downstream team would write it: a board of the open tasks
 * of every process instance, kept from Quorum's lifecycle events. An instance whose events have a gap is set
 * aside to be read again from the state topic (or the engine), since its tasks can no longer be trusted.
 */
class PendingTasksBoard implements QuorumEventListener {

    record Row(String taskName, String assignee) {
    }

    private final Map<String, Row> openTasks = new TreeMap<>();
    private final Set<String> toResync = new TreeSet<>();

    private volatile QuorumEventStream stream;

    /** Keeps the board from {@code topic} until {@link #stop()} is called from another thread. */
    void run(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                QuorumEventStream.consumerProperties(bootstrapServers, "pending-tasks-board"))) {
            consumer.subscribe(List.of(topic));
            stream = new QuorumEventStream(consumer, new QuorumEventReceiver(this));
            stream.run(Duration.ofMillis(200));
        }
    }

    void stop() {
        stream.close();
    }

    @Override
    public synchronized void onEvent(QuorumEvent event) {
        if (event instanceof QuorumEvent.TaskCreated created) {
            openTasks.put(created.data().taskId(), new Row(created.data().taskName(), created.data().assignee()));
        } else if (event instanceof QuorumEvent.TaskAssigned assigned) {
            openTasks.computeIfPresent(assigned.data().taskId(), (id, row) -> new Row(row.taskName(), assigned.data().assignee()));
        } else if (event instanceof QuorumEvent.TaskUnassigned unassigned) {
            openTasks.computeIfPresent(unassigned.data().taskId(), (id, row) -> new Row(row.taskName(), null));
        } else if (event instanceof QuorumEvent.TaskCompleted completed) {
            openTasks.remove(completed.data().taskId());
        } else if (event instanceof QuorumEvent.TaskDeleted deleted) {
            openTasks.remove(deleted.data().taskId());
        }
    }

    @Override
    public synchronized void onGap(Gap gap) {
        toResync.add(gap.key());
    }

    synchronized Map<String, Row> openTasks() {
        return Map.copyOf(openTasks);
    }

    synchronized Set<String> toResync() {
        return Set.copyOf(toResync);
    }
}
