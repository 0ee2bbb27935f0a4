package org.quorum.events.client;

import java.util.List;
import java.util.stream.LongStream;

/**
 * Sequence numbers of one key on one topic that never arrived: the event after them did. Quorum numbers each
 * key's events without gaps, so these were lost to the consumer, typically removed by the topic's retention
 * before it read them.
 */
public record Gap(String topic, String key, long firstMissing, long lastMissing) {

    public long count() {
        return lastMissing - firstMissing + 1;
    }

    /** The missing numbers one by one; a gap of millions is better read as {@code firstMissing..lastMissing}. */
    public List<Long> missing() {
        return LongStream.rangeClosed(firstMissing, lastMissing).boxed().toList();
    }
}
