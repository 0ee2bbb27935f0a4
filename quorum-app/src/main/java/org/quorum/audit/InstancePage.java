package org.quorum.audit;

import java.util.List;

/**
 * One page of the audit list. {@code total} counts the instances matching the filters exactly when
 * {@code totalExact}; otherwise more match and {@code total} is a lower bound: counting is capped a fixed number
 * of instances past the page, so that a broad filter over years of history costs what a narrow one does (as
 * search engines report "more than 10,000 results").
 */
public record InstancePage(List<InstanceSummary> items, long total, boolean totalExact, int page, int size) {
}
