package org.quorum.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free port of 127.0.0.1 for one test class, stopped after the class whatever
 * its outcome. The application sends to it through Spring Boot's own {@code JavaMailSender}:
 * <pre>{@code
 * @RegisterExtension
 * static final MailServer mail = new MailServer();
 *
 * @DynamicPropertySource
 * static void mail(DynamicPropertyRegistry registry) {
 *     mail.pointApplicationHere(registry);
 * }
 * ...
 * List<MimeMessage> received = mail.awaitMessages("officer@quorum.example", 1);
 * }</pre>
 * Declare the {@code @DynamicPropertySource} in the test class itself, not in a shared base class: each declaring
 * class gets a Spring context of its own, so no cached context keeps sending to a server that has stopped.
 */
public final class MailServer implements BeforeAllCallback, AfterAllCallback {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private GreenMail greenMail;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /**
     * Sends the application's mail here ({@code spring.mail.host} and {@code .port}) instead of to the demo
     * profile's own mail server, which is turned off.
     */
    public void pointApplicationHere(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", this::port);
        registry.add("quorum.demo-mail.enabled", () -> "false");
    }

    /** The SMTP port; starts the server if the Spring context asks before the extension's {@code beforeAll}. */
    public synchronized int port() {
        return start().getSmtp().getPort();
    }

    /**
     * The messages delivered so far to {@code address}'s mailbox (as an envelope recipient: To, Cc or Bcc), in the
     * order they arrived.
     */
    public List<MimeMessage> messagesFor(String address) {
        return start().findReceivedMessages(mailbox -> mailbox.getEmail().equalsIgnoreCase(address), message -> true)
                .toList();
    }

    /** Waits (at most 10 s) until at least {@code count} messages for {@code address} arrived; answers them all. */
    public List<MimeMessage> awaitMessages(String address, int count) {
        return awaitMessages(address, count, DEFAULT_WAIT);
    }

    public List<MimeMessage> awaitMessages(String address, int count, Duration atMost) {
        return await("%d message(s) for %s".formatted(count, address)).atMost(atMost)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> messagesFor(address), received -> received.size() >= count);
    }

    private synchronized GreenMail start() {
        if (greenMail == null) {
            GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            greenMail = server;
        }
        return greenMail;
    }
}
