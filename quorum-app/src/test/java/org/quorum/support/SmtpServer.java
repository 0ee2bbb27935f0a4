package org.quorum.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server on a free loopback port whose answers the test decides: it refuses the given addresses with
 * {@code 550} at RCPT, as an organisation's server refuses an unknown mailbox, and keeps every mail it accepts.
 */
public final class SmtpServer implements AutoCloseable {

    /** A mail as the server received it: the envelope's recipients and the message. */
    public record Received(List<String> recipients, MimeMessage message) {

        public String subject() {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String header(String name) {
            try {
                return message.getHeader(name, ",");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String text() {
            try {
                return message.getContent().toString();
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final SMTPServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public SmtpServer(Set<String> refused) {
        this.server = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress())
                .messageHandlerFactory(context -> new Handler(refused)).build();
        server.start();
    }

    public int port() {
        return server.getPortAllocated();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Mails whose envelope names {@code address}. */
    public List<Received> to(String address) {
        return received.stream().filter(r -> r.recipients().contains(address)).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Handler implements MessageHandler {

        private final Set<String> refused;
        private final List<String> recipients = new ArrayList<>();

        Handler(Set<String> refused) {
            this.refused = refused;
        }

        @Override
        public void from(String from) {
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (refused.contains(recipient)) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: mailbox unavailable");
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws IOException {
            try {
                byte[] bytes = data.readAllBytes();
                received.add(new Received(List.copyOf(recipients), new MimeMessage(
                        Session.getInstance(new Properties()), new ByteArrayInputStream(bytes))));
            } catch (MessagingException e) {
                throw new IOException(e);
            }
            return null;
        }

        @Override
        public void done() {
        }
    }
}
