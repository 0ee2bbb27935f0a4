package org.quorum.notifications;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notifier's settings ({@code quorum.notifications.*}, listed in README with their defaults).
 *
 * @param enabled switch the notifier off on this node; it is also off wherever no mail server is configured
 * @param consumerGroup the Kafka consumer group of the notifiers of all nodes: they share the work
 * @param from the sender address of every mail
 * @param baseUrl the application's address as users reach it, for the links in mails
 * @param reminderWorkingDays how many working days before a task's due date its reminder goes out
 * @param overdueWindow an overdue notice is given only for tasks that became overdue this recently, so that
 *        switching the notifier on over years of open history does not send a notice for each of them
 * @param digestTime the local time (in the calendar's zone) of the daily digest
 * @param tick how often reminders, digests and the mail queue are looked at
 * @param retry how a mail the server refuses is tried again
 * @param retention how long handled event ids and sent or failed mails are kept
 */
@ConfigurationProperties("quorum.notifications")
public record NotificationsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("quorum-notifier") String consumerGroup,
        @DefaultValue("quorum@quorum.example") String from,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("1") int reminderWorkingDays,
        @DefaultValue("P30D") Duration overdueWindow,
        @DefaultValue("07:30") LocalTime digestTime,
        @DefaultValue("PT30S") Duration tick,
        @DefaultValue Retry retry,
        @DefaultValue("P30D") Duration retention) {

    /**
     * @param maxAttempts how many times a mail is tried before it is recorded as failed
     * @param backoff the wait before the second attempt; each later wait is {@code multiplier} times longer
     */
    public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("PT30S") Duration backoff,
                        @DefaultValue("4") double multiplier) {

        /** The wait after attempt number {@code attempts} failed (1 = the first attempt). */
        public Duration after(int attempts) {
            return Duration.ofMillis((long) (backoff.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1))));
        }
    }
}
