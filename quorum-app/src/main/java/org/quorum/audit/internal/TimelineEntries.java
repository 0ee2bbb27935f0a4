package org.quorum.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.query.Query;
import org.quorum.audit.TimelineEntry;
import org.quorum.infrastructure.camunda.QueryPages;

/**
 * The entries of one timeline being collected, with the order ties are broken in, and whether any kind of history
 * had more rows than the limit (each is read with a bound, so one request's memory stays bounded however long an
 * instance ran).
 */
final class TimelineEntries {

    // Order of entries that carry the same time: what starts before what it contains, ends after it.
    static final int PROCESS_STARTED = 0;
    static final int ACTIVITY_STARTED = 1;
    static final int TASK_CREATED = 2;
    static final int ASSIGNMENT = 3;
    static final int DECISION = 4;
    static final int VARIABLE = 5;
    static final int INCIDENT = 5;
    static final int TASK_ENDED = 6;
    static final int ACTIVITY_ENDED = 7;
    static final int PROCESS_ENDED = 8;
    static final int EVENT = 9;

    private record Sortable(Instant at, int rank, int sequence, TimelineEntry entry) {
    }

    private final int limit;
    private final List<Sortable> entries = new ArrayList<>();
    private boolean truncated;

    TimelineEntries(int limit) {
        this.limit = limit;
    }

    void add(Date at, int rank, String kind, String summary, String activityId, String actor, String actingFor,
             Map<String, Object> details) {
        add(at == null ? null : at.toInstant(), rank, kind, summary, activityId, actor, actingFor, details);
    }

    void add(Instant at, int rank, String kind, String summary, String activityId, String actor,
             String actingFor, Map<String, Object> details) {
        entries.add(new Sortable(at, rank, entries.size(),
                new TimelineEntry(at, kind, summary, activityId, actor, actingFor, details)));
    }

    /** The query's first rows, up to the limit. */
    <T> List<T> bounded(Query<?, T> query) {
        return bounded(QueryPages.first(query, limit + 1));
    }

    /** Rows read with {@link #readLimit()}, cut to the limit. */
    <T> List<T> bounded(List<T> rows) {
        if (rows.size() > limit) {
            truncated = true;
            return rows.subList(0, limit);
        }
        return rows;
    }

    /** How many rows to read to know whether a kind of history has more than the limit. */
    int readLimit() {
        return limit + 1;
    }

    boolean truncated() {
        return truncated;
    }

    List<TimelineEntry> sorted() {
        return entries.stream()
                .sorted(Comparator.comparing(Sortable::at, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingInt(Sortable::rank).thenComparingInt(Sortable::sequence))
                .map(Sortable::entry)
                .toList();
    }
}
