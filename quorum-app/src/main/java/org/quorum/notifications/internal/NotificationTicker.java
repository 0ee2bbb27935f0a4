package org.quorum.notifications.internal;

import java.time.Instant;

import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.notifications.NotificationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The notifier's clockwork, on every node where it is on: reminders and overdue notices, digests, then the mail
 * queue; now and then it forgets old handled ids and mails. Each step is safe on several nodes at once.
 */
@Component
class NotificationTicker {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationTicker.class);

    private final NotifierSwitch notifier;
    private final DeadlineNotices deadlines;
    private final Digests digests;
    private final MailDispatcher dispatcher;
    private final JdbcTemplate jdbc;
    private final NotificationsProperties properties;

    NotificationTicker(NotifierSwitch notifier, DeadlineNotices deadlines, Digests digests, MailDispatcher dispatcher,
                       JdbcTemplate jdbc, NotificationsProperties properties) {
        this.notifier = notifier;
        this.deadlines = deadlines;
        this.digests = digests;
        this.dispatcher = dispatcher;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${quorum.notifications.tick:PT30S}",
            fixedDelayString = "${quorum.notifications.tick:PT30S}")
    void tick() {
        if (!notifier.on()) {
            return;
        }
        try {
            Instant now = EngineClock.now();
            deadlines.noticeDue(now);
            digests.queueDue(now);
            dispatcher.sendDue();
        } catch (RuntimeException e) {
            // The database away, most likely: the next tick tries again; nothing was half done.
            LOG.warn("Notifier tick failed, trying again at the next: {}", e.getMessage());
        }
    }

    /** Kafka keeps a topic's records for days, not months: an id older than the retention is never redelivered. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetOld() {
        if (!notifier.on()) {
            return;
        }
        long seconds = properties.retention().toSeconds();
        jdbc.update("delete from quorum_notification_event where handled_at < now() - ? * interval '1 second'",
                seconds);
        jdbc.update("""
                delete from quorum_notification_mail m where status in ('SENT', 'FAILED', 'DIGESTED')
                and queued_at < now() - ? * interval '1 second'
                and not exists (select 1 from quorum_notification_mail d where d.digest_id = m.id)""", seconds);
        // A notice is forgotten only once its task is gone: otherwise it would be given again.
        jdbc.update("""
                delete from quorum_notification_deadline n where noticed_at < now() - ? * interval '1 second'
                and not exists (select 1 from act_ru_task t where t.id_ = n.task_id)""", seconds);
    }
}
