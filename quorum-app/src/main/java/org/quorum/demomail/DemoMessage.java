package org.quorum.demomail;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * A received message as an administrator reads it: addresses, subject, date, the plain-text body (the text
 * part of a multipart message), and the headers that tell how it was sent and what it is about: threading, automatic
 * sending, replies and unsubscribing, and every {@code X-} header.
 */
record DemoMessage(String from, List<String> to, List<String> cc, String subject, Instant date, Instant received,
                   String text, Map<String, String> headers) {

    private static final List<String> SHOWN_HEADERS = List.of("Message-ID", "In-Reply-To", "References", "Reply-To",
            "Auto-Submitted", "Precedence", "List-Id", "List-Unsubscribe", "Content-Language");

    static List<DemoMessage> all(List<StoredMessage> inbox) throws MessagingException, IOException {
        List<DemoMessage> messages = new ArrayList<>();
        for (StoredMessage stored : inbox) {
            messages.add(of(stored.getMimeMessage(), stored.getReceivedDate()));
        }
        return messages;
    }

    static DemoMessage of(MimeMessage message, Date received) throws MessagingException, IOException {
        Date sent = message.getSentDate();
        return new DemoMessage(String.join(", ", addresses(message.getFrom())),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                addresses(message.getRecipients(Message.RecipientType.CC)), message.getSubject(),
                sent == null ? null : sent.toInstant(), received == null ? null : received.toInstant(),
                plainText(message), headers(message));
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    /** The first text/plain part that is not an attachment; null when the message has none (HTML only). */
    private static String plainText(Part part) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static Map<String, String> headers(MimeMessage message) throws MessagingException {
        Map<String, String> shown = new LinkedHashMap<>();
        var all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            boolean wanted = header.getName().regionMatches(true, 0, "X-", 0, 2)
                    || SHOWN_HEADERS.stream().anyMatch(header.getName()::equalsIgnoreCase);
            if (wanted) {
                shown.merge(header.getName(), decoded(header.getValue()), (first, next) -> first + ", " + next);
            }
        }
        return shown;
    }

    private static String decoded(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException unknownCharset) {
            return value;
        }
    }
}
