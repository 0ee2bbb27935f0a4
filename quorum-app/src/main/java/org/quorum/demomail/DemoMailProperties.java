package org.quorum.demomail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo profile's mail server.
 *
 * @param enabled  start it, and send Quorum's mail to it (true in the demo profile only)
 * @param smtpPort SMTP port on 127.0.0.1; 0 picks a free one
 * @param imapPort IMAP port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("quorum.demo-mail")
record DemoMailProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("3025") int smtpPort,
        @DefaultValue("3143") int imapPort) {
}
