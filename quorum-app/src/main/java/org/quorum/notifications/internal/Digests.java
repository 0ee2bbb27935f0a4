package org.quorum.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.quorum.calendar.WorkingDays;
import org.quorum.notifications.NotificationsProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: at {@code digest-time} each day (the calendar's zone, the engine's clock), the mails held for
 * a user who chose {@link Delivery#DAILY_DIGEST} go out as one. A digest collects what was held before the latest
 * digest moment, so a node that was down at that moment sends it when it is back, and two nodes cannot both send
 * it: the held rows are taken with {@code for update skip locked}.
 */
@Component
class Digests {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final MailQueue queue;
    private final Recipients recipients;
    private final NotificationsProperties properties;
    private final WorkingDays calendar;

    Digests(JdbcTemplate jdbc, TransactionTemplate transaction, MailQueue queue, Recipients recipients,
            NotificationsProperties properties, WorkingDays calendar) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.queue = queue;
        this.recipients = recipients;
        this.properties = properties;
        this.calendar = calendar;
    }

    /** Queues the digests due at {@code now}; returns how many. */
    int queueDue(Instant now) {
        Instant cutoff = latestDigestMoment(now);
        List<String> users = jdbc.queryForList("""
                select distinct user_id from quorum_notification_mail where status = 'HELD' and queued_at < ?""",
                String.class, Timestamp.from(cutoff));
        int queued = 0;
        for (String user : users) {
            Boolean sent = transaction.execute(status -> queueFor(user, cutoff, now));
            queued += Boolean.TRUE.equals(sent) ? 1 : 0;
        }
        return queued;
    }

    Instant latestDigestMoment(Instant now) {
        ZonedDateTime local = now.atZone(calendar.zone());
        ZonedDateTime today = local.toLocalDate().atTime(properties.digestTime()).atZone(calendar.zone());
        return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
    }

    private boolean queueFor(String userId, Instant cutoff, Instant now) {
        List<Held> held = jdbc.query("""
                select id, address, subject, body from quorum_notification_mail
                where user_id = ? and status = 'HELD' and queued_at < ? order by queued_at, id
                for update skip locked""",
                (rs, n) -> new Held(rs.getLong("id"), rs.getString("address"), rs.getString("subject"),
                        rs.getString("body")), userId, Timestamp.from(cutoff));
        if (held.isEmpty()) {
            return false;
        }
        Recipient to = recipients.user(userId).orElse(new Recipient(userId, held.get(held.size() - 1).address(),
                userId));
        StringBuilder body = new StringBuilder("Dear " + to.name() + ",\n\nYour Quorum digest: " + held.size()
                + (held.size() == 1 ? " message" : " messages") + " since the last one.\n");
        for (Held mail : held) {
            body.append("\n---------------------------------------------------------------\n")
                    .append(mail.subject()).append("\n\n").append(mail.body());
        }
        long digestId = queue.addDigest(to, "[Quorum] Your daily digest: " + held.size()
                + (held.size() == 1 ? " message" : " messages"), body.toString(), now);
        jdbc.update("update quorum_notification_mail set status = 'DIGESTED', digest_id = ? where id = any(?)",
                digestId, held.stream().map(Held::id).toArray(Long[]::new));
        return true;
    }

    private record Held(long id, String address, String subject, String body) {
    }
}
