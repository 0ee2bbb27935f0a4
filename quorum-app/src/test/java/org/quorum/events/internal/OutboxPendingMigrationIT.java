package org.quorum.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V105 on a database that an earlier version filled: its unsent rows become pending, its sent rows keep
 * where and when they were sent as delivery records, and the outbox loses its mark columns.
 */
class OutboxPendingMigrationIT {

    @TempDir
    Path dataDir;

    @Test
    void unsentRowsBecomePendingAndSentRowsKeepTheirDelivery() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(true).start()) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            migrate(postgres, "104");
            jdbc.update("""
                    insert into quorum_event_outbox (id, event_id, topic, record_key, sequence, event_type, occurred_at,
                        data, sent_at, kafka_partition, kafka_offset) values
                    (1, gen_random_uuid(), 't', 'k', 1, 'process.started', now(), '{}', '2026-01-02 03:04:05+00', 2, 40),
                    (2, gen_random_uuid(), 't', 'k', 2, 'process.completed', now(), '{}', null, null, null)""");

            migrate(postgres, null);

            assertThat(jdbc.queryForList("select id from quorum_event_pending", Long.class)).containsExactly(2L);
            assertThat(jdbc.queryForList("select id, kafka_partition, kafka_offset, "
                    + "to_char(sent_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as sent_at from quorum_event_delivery"))
                    .containsExactly(Map.of("id", 1L, "kafka_partition", 2, "kafka_offset", 40L,
                            "sent_at", "2026-01-02 03:04:05"));
            assertThat(jdbc.queryForList("select column_name from information_schema.columns "
                    + "where table_name = 'quorum_event_outbox'", String.class))
                    .doesNotContainAnyElementsOf(List.of("sent_at", "kafka_partition", "kafka_offset"));
            assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox", Long.class)).isEqualTo(2);
        }
    }

    private static void migrate(EmbeddedPostgres postgres, String target) {
        var configuration = Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }
}
