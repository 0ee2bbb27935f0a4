package org.quorum.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings.
 *
 * @param timelineLimit        at most this many rows of each kind of history (activities, tasks, variable
 *                             updates, ...) and of published events go into one timeline; beyond it the timeline
 *                             says it is truncated. Keeps one request's memory bounded whatever an instance did.
 * @param chainCleanupInterval how often chains are deleted whose instance's history is gone and whose recorded
 *                             removal time has passed
 */
@ConfigurationProperties("quorum.audit")
public record AuditProperties(@DefaultValue("5000") int timelineLimit,
                              @DefaultValue("1h") Duration chainCleanupInterval) {
}
