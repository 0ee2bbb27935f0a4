package org.quorum.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to an instance.
 *
 * @param kind      e.g. {@code task.completed}, {@code decision.evaluated}, {@code event.published}
 * @param summary   a sentence a process owner can read
 * @param actor     the user who acted, when a user did
 * @param actingFor the position the user acted for (task-local variable {@code actingFor}), when recorded
 * @param details   the facts behind the summary (ids, inputs and outputs, delivery state)
 */
public record TimelineEntry(Instant at, String kind, String summary, String activityId, String actor,
                            String actingFor, Map<String, Object> details) {
}
