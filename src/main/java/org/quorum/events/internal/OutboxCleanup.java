package org.quorum.events.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.quorum.events.EventsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes sent outbox rows older than the retention, in chunks. Safe on several nodes at once. */
class OutboxCleanup {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleanup.class);
    private static final int CHUNK = 10_000;

    private final JdbcTemplate jdbc;
    private final EventsProperties.Relay settings;

    OutboxCleanup(JdbcTemplate jdbc, EventsProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.relay();
    }

    @Scheduled(initialDelayString = "${quorum.events.relay.cleanup-interval:1h}",
            fixedDelayString = "${quorum.events.relay.cleanup-interval:1h}")
    void deleteSentRows() {
        Timestamp cutoff = Timestamp.from(Instant.now().minus(settings.retention()));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("delete from quorum_event_outbox where id in (select id from quorum_event_outbox "
                    + "where sent_at < ? limit " + CHUNK + ")", cutoff);
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            log.info("Deleted {} sent events older than {}", total, settings.retention());
        }
    }
}
