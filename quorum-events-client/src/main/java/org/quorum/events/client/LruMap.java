package org.quorum.events.client;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that holds at most {@code capacity} entries and forgets the least recently used one first. */
final class LruMap<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    LruMap(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
