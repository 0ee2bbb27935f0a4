package org.quorum.infrastructure.jdbc;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Keys bound as a list of parameters, {@code in (?, ?, ...)}, padded to a power of two by repeating the last key.
 * For a statement run often with a few keys, instead of {@code = any(?)} with one array: PostgreSQL re-plans the
 * array form at every call (a generic plan for an array of unknown length never looks as cheap as a plan for the
 * actual keys) and, on a table without statistics yet, may cache a sequential scan. A parameter list's generic
 * plan costs what a custom one costs, so it is planned once per connection; the padding keeps the number of
 * statement texts, and so of cached plans, small.
 */
public final class KeyList {

    /** The most keys one statement takes; callers read longer lists in parts ({@link #parts}). */
    public static final int MOST = 64;

    private final Object[] keys;

    private KeyList(List<String> keys) {
        this.keys = new Object[Integer.highestOneBit(keys.size() * 2 - 1)];
        for (int i = 0; i < this.keys.length; i++) {
            this.keys[i] = keys.get(Math.min(i, keys.size() - 1));
        }
    }

    /** {@code keys} in lists of at most {@link #MOST}; none for no keys. */
    public static List<KeyList> parts(List<String> keys) {
        int parts = (keys.size() + MOST - 1) / MOST;
        return IntStream.range(0, parts)
                .mapToObj(p -> new KeyList(keys.subList(p * MOST, Math.min(keys.size(), (p + 1) * MOST))))
                .toList();
    }

    /** {@code (?, ?, ...)}, one placeholder per (padded) key, to follow {@code in}. */
    public String placeholders() {
        return "(" + String.join(", ", Collections.nCopies(keys.length, "?")) + ")";
    }

    /** The (padded) keys, to bind to {@link #placeholders()}. */
    public Object[] parameters() {
        return keys.clone();
    }
}
