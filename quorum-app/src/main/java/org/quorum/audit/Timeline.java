package org.quorum.audit;

import java.util.List;
import java.util.Map;

/**
 * An instance's history, oldest first.
 *
 * @param visits    per BPMN element id, how many times the instance entered it (for the diagram)
 * @param truncated true when some kind of history had more rows than {@code quorum.audit.timeline-limit}
 */
public record Timeline(InstanceSummary instance, List<TimelineEntry> entries, Map<String, Long> visits,
                       boolean truncated) {
}
