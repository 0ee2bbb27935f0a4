package org.quorum.audit;

import java.util.List;

/** One page of the audit list; {@code total} counts every instance matching the filters. */
public record InstancePage(List<InstanceSummary> items, long total, int page, int size) {
}
