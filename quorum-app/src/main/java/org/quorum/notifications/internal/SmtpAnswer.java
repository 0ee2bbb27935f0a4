package org.quorum.notifications.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * The reason a mail was not sent, as the server (or the connection) gave it: Jakarta Mail nests the SMTP answer
 * ("550 5.1.1 mailbox unavailable") a few causes deep, under messages that say only that sending failed.
 */
final class SmtpAnswer {

    private SmtpAnswer() {
    }

    static String of(MailException failure) {
        Set<String> messages = new LinkedHashSet<>();
        if (failure instanceof MailSendException send) {
            send.getFailedMessages().values().forEach(cause -> collect(cause, messages));
        }
        collect(failure, messages);
        String reason = String.join(" / ", messages);
        return reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }

    private static void collect(Throwable failure, Set<String> messages) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                messages.add(t.getMessage().strip());
            }
        }
    }
}
