package org.quorum.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailServerTest {

    @RegisterExtension
    static final MailServer mail = new MailServer();

    @Test
    void applicationSettingsPointAtTheServerAndEachRecipientsMessagesAreAwaited() throws Exception {
        Map<String, Supplier<Object>> settings = new HashMap<>();
        mail.pointApplicationHere(settings::put);
        assertThat(settings.get("quorum.demo-mail.enabled").get()).isEqualTo("false");
        assertThat(ListeningSockets.addresses(mail.port())).containsExactly("127.0.0.1");

        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost((String) settings.get("spring.mail.host").get());
        sender.setPort((Integer) settings.get("spring.mail.port").get());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("quorum@quorum.example");
        message.setTo("officer@quorum.example", "sg@quorum.example");
        message.setSubject("Task assigned");
        message.setText("Check the request");
        sender.send(message);

        MimeMessage received = mail.awaitMessages("officer@quorum.example", 1).get(0);
        assertThat(received.getSubject()).isEqualTo("Task assigned");
        assertThat(mail.awaitMessages("sg@quorum.example", 1)).hasSize(1);
        assertThat(mail.messagesFor("dsg@quorum.example")).isEmpty();
    }
}
