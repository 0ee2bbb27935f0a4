package org.quorum.notifications.internal;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.quorum.notifications.NotificationsProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mails. Any node may: each takes due mails with {@code for update skip locked}, so a mail is sent by
 * one node only, and a slow server holds up only the mails that node took. A mail the server refuses is tried again
 * after a growing wait and, after the last attempt, recorded as FAILED with the server's answer; the mails after it
 * go out meanwhile. The waits run on the database's clock: they are real time, not the engine's.
 */
@Component
class MailDispatcher {

    /** Mails taken per transaction: their rows stay locked while the server is talked to. */
    static final int BATCH = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final NotifierSwitch notifier;
    private final NotificationsProperties properties;

    MailDispatcher(JdbcTemplate jdbc, TransactionTemplate transaction, NotifierSwitch notifier,
                   NotificationsProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.notifier = notifier;
        this.properties = properties;
    }

    /** Sends what is due now; returns how many mails were tried. */
    int sendDue() {
        int tried = 0;
        int taken;
        do {
            Integer batch = transaction.execute(status -> sendBatch());
            taken = batch == null ? 0 : batch;
            tried += taken;
        } while (taken == BATCH);
        return tried;
    }

    private int sendBatch() {
        List<Outgoing> due = jdbc.query("""
                select id, address, subject, body, kind, task_id, attempts from quorum_notification_mail
                where status = 'PENDING' and next_attempt_at <= now()
                order by next_attempt_at, id limit ? for update skip locked""",
                (rs, n) -> new Outgoing(rs.getLong("id"), rs.getString("address"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("kind"), rs.getString("task_id"), rs.getInt("attempts")),
                BATCH);
        for (Outgoing mail : due) {
            try {
                notifier.mail().send(message -> prepare(message, mail));
                jdbc.update("update quorum_notification_mail set status = 'SENT', attempts = attempts + 1, "
                        + "sent_at = now(), last_error = null where id = ?", mail.id());
            } catch (MailException refused) {
                failed(mail, SmtpAnswer.of(refused));
            }
        }
        return due.size();
    }

    private void prepare(MimeMessage message, Outgoing mail) throws jakarta.mail.MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.address());
        helper.setSubject(mail.subject());
        helper.setText(mail.body());
        // RFC 3834: no out-of-office answers to a machine's mail.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Quorum-Notification", mail.kind());
        if (mail.taskId() != null) {
            message.setHeader("X-Quorum-Task", mail.taskId());
        }
    }

    private void failed(Outgoing mail, String reason) {
        int attempts = mail.attempts() + 1;
        if (attempts >= properties.retry().maxAttempts()) {
            jdbc.update("update quorum_notification_mail set status = 'FAILED', attempts = ?, last_error = ? "
                    + "where id = ?", attempts, reason, mail.id());
        } else {
            jdbc.update("update quorum_notification_mail set attempts = ?, last_error = ?, "
                    + "next_attempt_at = now() + (? * interval '1 millisecond') where id = ?",
                    attempts, reason, properties.retry().after(attempts).toMillis(), mail.id());
        }
    }

    private record Outgoing(long id, String address, String subject, String body, String kind, String taskId,
                            int attempts) {
    }
}
