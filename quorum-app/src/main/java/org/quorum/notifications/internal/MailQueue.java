package org.quorum.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes mails into {@code quorum_notification_mail} in the caller's transaction, as each recipient chose: sent
 * as soon as a node takes it (PENDING), kept for the daily digest (HELD), or not written at all.
 */
@Component
class MailQueue {

    private final JdbcTemplate jdbc;
    private final NotificationSettings settings;

    MailQueue(JdbcTemplate jdbc, NotificationSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Returns how many mails were written. */
    int add(List<QueuedMail> mails, Instant at) {
        int written = 0;
        for (QueuedMail mail : mails) {
            Delivery delivery = settings.of(mail.to().userId());
            if (delivery == Delivery.OFF) {
                continue;
            }
            String status = delivery == Delivery.DAILY_DIGEST ? "HELD" : "PENDING";
            jdbc.update("""
                    insert into quorum_notification_mail (user_id, address, kind, task_id, subject, body, status,
                        queued_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    mail.to().userId(), mail.to().address(), mail.kind().name(), mail.taskId(), mail.subject(),
                    mail.body(), status, Timestamp.from(at));
            written++;
        }
        return written;
    }

    /** A digest goes out at once whatever the recipient chose: it is what they chose. */
    long addDigest(Recipient to, String subject, String body, Instant at) {
        return jdbc.queryForObject("""
                insert into quorum_notification_mail (user_id, address, kind, subject, body, status, queued_at)
                values (?, ?, 'DIGEST', ?, ?, 'PENDING', ?) returning id""", Long.class,
                to.userId(), to.address(), subject, body, Timestamp.from(at));
    }
}
