package org.quorum.notifications.internal;

import org.quorum.notifications.NotificationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Whether the notifier runs on this node: switched on by default, off by {@code quorum.notifications.enabled=false},
 * and off wherever no mail server is configured (Spring Boot creates a mail sender only when
 * {@code spring.mail.host} is set). Says which at startup, so an operator who expects mail knows why none comes.
 */
@Component
class NotifierSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierSwitch.class);

    private final JavaMailSender mail;

    NotifierSwitch(NotificationsProperties properties, ObjectProvider<JavaMailSender> mailSender) {
        JavaMailSender available = mailSender.getIfAvailable();
        if (!properties.enabled()) {
            LOG.info("Notifier off on this node: quorum.notifications.enabled=false. No task mail is sent from here.");
            this.mail = null;
        } else if (available == null) {
            LOG.warn("Notifier off: no mail server is configured, so no task mail, reminder or overdue notice is "
                    + "sent. Set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, _USERNAME, _PASSWORD) to switch it on.");
            this.mail = null;
        } else {
            LOG.info("Notifier on: consumer group {}, mail from {}", properties.consumerGroup(), properties.from());
            this.mail = available;
        }
    }

    boolean on() {
        return mail != null;
    }

    /** The mail sender; only called while {@link #on()}. */
    JavaMailSender mail() {
        return mail;
    }
}
