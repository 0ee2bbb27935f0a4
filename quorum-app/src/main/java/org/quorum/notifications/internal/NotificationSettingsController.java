package org.quorum.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.infrastructure.web.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/me/notifications}: the signed-in user's own choice of how Quorum tells them about tasks, and the mails
 * it queued for them (so that a mail that failed is not a mystery). Nobody reads or sets another user's.
 */
@RestController
@RequestMapping("/api/me/notifications")
class NotificationSettingsController {

    /** The mails listed: the most recent ones, enough to see what came and what failed. */
    static final int RECENT = 50;

    private final NotificationSettings settings;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final NotifierSwitch notifier;

    NotificationSettingsController(NotificationSettings settings, IdentityService identity, JdbcTemplate jdbc,
                                   NotifierSwitch notifier) {
        this.settings = settings;
        this.identity = identity;
        this.jdbc = jdbc;
        this.notifier = notifier;
    }

    @GetMapping
    Choice mine() {
        String user = CurrentUser.id(identity);
        return new Choice(settings.of(user).name(), notifier.on());
    }

    @PutMapping
    Choice choose(@RequestBody ChoiceRequest request) {
        String user = CurrentUser.id(identity);
        Delivery delivery = parse(request == null ? null : request.delivery());
        settings.choose(user, delivery, EngineClock.now());
        return new Choice(delivery.name(), notifier.on());
    }

    @GetMapping("/mails")
    List<MailRecord> mails() {
        String user = CurrentUser.id(identity);
        return jdbc.query("""
                select id, kind, task_id, subject, status, attempts, last_error, queued_at, sent_at
                from quorum_notification_mail where user_id = ? order by id desc limit ?""",
                (rs, n) -> new MailRecord(rs.getLong("id"), rs.getString("kind"), rs.getString("task_id"),
                        rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), instant(rs.getTimestamp("queued_at")),
                        instant(rs.getTimestamp("sent_at"))), user, RECENT);
    }

    private static Delivery parse(String delivery) {
        try {
            return Delivery.valueOf(delivery);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "delivery must be one of " + Arrays.toString(Delivery.values()) + ", not " + delivery);
            problem.setTitle("Invalid notification settings");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** {@code notifierOn}: false where no mail server is configured or the notifier is switched off. */
    record Choice(String delivery, boolean notifierOn) {
    }

    record ChoiceRequest(String delivery) {
    }

    record MailRecord(long id, String kind, String taskId, String subject, String status, int attempts,
                      String lastError, Instant queuedAt, Instant sentAt) {
    }
}
