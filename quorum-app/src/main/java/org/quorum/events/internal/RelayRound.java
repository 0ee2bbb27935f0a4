package org.quorum.events.internal;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import org.quorum.events.EventsProperties;
import org.quorum.events.internal.OutboxRelay.Next;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of the relay: confirms that this node leads, reads a batch of unsent rows, sends it, and marks what
 * Kafka took while this node still leads; says when to go again.
 */
final class RelayRound {

    // Under the relay's name, as before the relay was split: operators' log settings and alerts name it.
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final RelayLeadership leadership;
    private final UnsentRows unsent;
    private final KafkaBatchSender sender;
    private final SentMarks marks;
    private final OutboxBacklog backlog;
    private final EventsProperties.Relay settings;
    private final Counter published;
    private final Counter failures;

    RelayRound(RelayLeadership leadership, UnsentRows unsent, KafkaBatchSender sender, OutboxBacklog backlog,
               EventsProperties.Relay settings, Counter published, Counter failures) {
        this.leadership = leadership;
        this.unsent = unsent;
        this.sender = sender;
        this.marks = new SentMarks(leadership);
        this.backlog = backlog;
        this.settings = settings;
        this.published = published;
        this.failures = failures;
    }

    Next run() {
        return leadership.confirm() ? relayOnce() : Next.STANDING_BY;
    }

    private Next relayOnce() {
        List<OutboxRow> rows = unsent.next(settings.batchSize());
        backlog.checkThreshold();
        if (rows.isEmpty()) {
            return Next.WHEN_WRITTEN;
        }
        KafkaBatchSender.Outcome outcome = sender.send(rows);
        List<KafkaBatchSender.Sent> sent = outcome.sent();
        if (!sent.isEmpty()) {
            if (!marks.mark(sent)) {
                log.warn("This node lost the relay lock while sending {} events; it leaves them unmarked (the new "
                        + "leader sends them again with the same ids) and stands by", sent.size());
                return Next.STANDING_BY;
            }
            published.increment(sent.size());
        }
        if (outcome.incomplete()) {
            failures.increment();
            sender.checkTopicsNextTime();
            log.warn("Kafka did not take {} of {} events; retrying in {}", rows.size() - sent.size(), rows.size(),
                    settings.retryBackoff());
            return Next.AFTER_BACKOFF;
        }
        return rows.size() < settings.batchSize() ? Next.WHEN_WRITTEN : Next.AT_ONCE;
    }
}
