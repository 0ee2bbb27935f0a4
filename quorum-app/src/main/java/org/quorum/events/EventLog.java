package org.quorum.events;

import java.util.List;

/**
 * What became of the events of a process instance: published, waiting to be, or given up on. Read from the
 * outbox and its dead-letter table; sent events stay listed for {@code quorum.events.relay.retention} (7 days by
 * default), older ones no longer.
 */
public interface EventLog {

    /**
     * Up to {@code limit} events of the instance itself, in the order they were written, then up to {@code limit}
     * dead letters. Dead letters carry only the root instance id (their record key), so they are listed with the
     * root instance only.
     */
    List<PublishedEvent> ofInstance(String processInstanceId, String rootProcessInstanceId, int limit);
}
