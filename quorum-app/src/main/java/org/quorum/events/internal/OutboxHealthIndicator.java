package org.quorum.events.internal;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** {@code outbox} health: UP while the relay keeps up, WARNING (HTTP 200) when the backlog passes the threshold. */
class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxBacklog backlog;

    OutboxHealthIndicator(OutboxBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OutboxBacklog.Snapshot snapshot = backlog.read();
        builder.status(snapshot.count() > backlog.warningThreshold() ? new Status("WARNING") : Status.UP)
                .withDetail("backlog", snapshot.count())
                .withDetail("oldestAgeSeconds", snapshot.oldestAge().toSeconds())
                .withDetail("warningThreshold", backlog.warningThreshold());
    }
}
