package org.quorum.demomail;

import java.nio.charset.StandardCharsets;

import org.quorum.identity.DemoCast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With {@code quorum.demo-mail.enabled}: the demo mail server, started with the context and stopped when it
 * closes, and the {@code JavaMailSender} that sends to it. The sender is built here rather than by Spring Boot
 * from {@code spring.mail.port}, because the server's port is known only once it listens (0 picks a free one);
 * Spring Boot's own sender then steps aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(DemoMailConfiguration.ENABLED)
class DemoMailConfiguration {

    static final String ENABLED = "quorum.demo-mail.enabled";

    private static final Logger log = LoggerFactory.getLogger(DemoMailConfiguration.class);

    @Bean(destroyMethod = "close")
    DemoMailServer demoMailServer(DemoMailProperties settings) {
        DemoMailServer server = DemoMailServer.start(settings, DemoCast.USERS);
        log.info("Demo mail server: SMTP {}:{}, IMAP {}:{} (sign in with a demo user's id and password); "
                + "administrators read the mailboxes at /api/admin/demo-mail. Outside the demo, SPRING_MAIL_HOST names "
                + "the organisation's mail server.", DemoMailServer.HOST, server.smtpPort(), DemoMailServer.HOST,
                server.imapPort());
        return server;
    }

    @Bean
    JavaMailSenderImpl mailSender(DemoMailServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(DemoMailServer.HOST);
        sender.setPort(server.smtpPort());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        return sender;
    }
}
