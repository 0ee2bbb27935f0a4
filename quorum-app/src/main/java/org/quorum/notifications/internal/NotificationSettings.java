package org.quorum.notifications.internal;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each user's choice of {@link Delivery}, in {@code quorum_notification_setting}. */
@Component
class NotificationSettings {

    private final JdbcTemplate jdbc;

    NotificationSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Delivery of(String userId) {
        List<String> found = jdbc.queryForList(
                "select delivery from quorum_notification_setting where user_id = ?", String.class, userId);
        return found.isEmpty() ? Delivery.IMMEDIATE : Delivery.valueOf(found.get(0));
    }

    void choose(String userId, Delivery delivery, Instant at) {
        jdbc.update("""
                insert into quorum_notification_setting (user_id, delivery, updated_at) values (?, ?, ?)
                on conflict (user_id) do update set delivery = excluded.delivery, updated_at = excluded.updated_at""",
                userId, delivery.name(), Timestamp.from(at));
    }
}
