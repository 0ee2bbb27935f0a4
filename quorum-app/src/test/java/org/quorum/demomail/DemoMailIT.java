package org.quorum.demomail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.quorum.support.DemoUserClient;
import org.quorum.support.ListeningSockets;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The demo's mail server receives what the application's {@code JavaMailSender} sends: an administrator reads it
 * through the API, the addressee over IMAP with the demo password; nobody else reads it, and the server is
 * reachable from this machine only.
 */
@QuorumIntegrationTest
class DemoMailIT {

    private static final String MAILBOXES = "/api/admin/demo-mail";

    @Autowired
    JavaMailSender mailSender;
    @Autowired
    DemoMailServer server;
    @Autowired
    TestRestTemplate http;

    @Test
    void mailToAnOfficerIsReadByTheAdministratorThroughTheApiAndByTheOfficerOverImap() throws Exception {
        String subject = "Task 'Check request' for ENDORSE-" + UUID.randomUUID();
        MimeMessage mail = mailSender.createMimeMessage();
        MimeMessageHelper message = new MimeMessageHelper(mail, true, "UTF-8");
        message.setFrom("quorum@quorum.example");
        message.setTo("officer@quorum.example");
        message.setSubject(subject);
        message.setText("Check the request, due 14 January 2027.", "<p>Check the request</p>");
        mail.setHeader("X-Quorum-Task", "task-1");
        mailSender.send(mail);

        ResponseEntity<JsonNode> inbox = admin().call(HttpMethod.GET, MAILBOXES + "/officer", null);
        assertThat(inbox.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode received = inbox.getBody().get(inbox.getBody().size() - 1);
        assertThat(received.path("subject").asText()).as("newest last").isEqualTo(subject);
        assertThat(received.path("from").asText()).isEqualTo("quorum@quorum.example");
        assertThat(received.path("to").get(0).asText()).isEqualTo("officer@quorum.example");
        assertThat(received.path("text").asText()).isEqualTo("Check the request, due 14 January 2027.");
        assertThat(received.path("headers").path("X-Quorum-Task").asText()).isEqualTo("task-1");
        assertThat(received.path("headers").path("Message-ID").asText()).isNotBlank();
        assertThat(received.path("date").asText()).isNotBlank();

        // The notifier mails officers about other tests' tasks meanwhile (one application serves them all), so the
        // mailbox's count is compared with the inbox read just before it, again if a mail arrived in between.
        Awaitility.await("officer's mailbox count equal to the inbox").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    int inboxSize = admin().call(HttpMethod.GET, MAILBOXES + "/officer", null).getBody().size();
                    JsonNode mailboxes = admin().call(HttpMethod.GET, MAILBOXES, null).getBody();
                    assertThat(mailboxes.findValuesAsText("user")).contains("demo", "sg", "dsg", "officer", "owner");
                    assertThat(mailboxes).filteredOn(box -> box.path("user").asText().equals("officer"))
                            .singleElement()
                            .satisfies(box -> assertThat(box.path("address").asText())
                                    .isEqualTo("officer@quorum.example"))
                            .satisfies(box -> assertThat(box.path("messages").asInt()).isEqualTo(inboxSize));
                });

        Store imap = Session.getInstance(new Properties()).getStore("imap");
        imap.connect(DemoMailServer.HOST, server.imapPort(), "officer", "officer");
        try {
            Folder folder = imap.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            Message last = folder.getMessage(folder.getMessageCount());
            assertThat(last.getSubject()).isEqualTo(subject);
            folder.close(false);
        } finally {
            imap.close();
        }
    }

    @Test
    void onlyAdministratorsReadTheMailboxes() {
        for (String path : new String[] {MAILBOXES, MAILBOXES + "/officer"}) {
            ResponseEntity<JsonNode> officer = new DemoUserClient(http, "officer").call(HttpMethod.GET, path, null);
            assertThat(officer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(officer.getBody().path("detail").asText()).contains("camunda-admin");
            assertThat(http.getForEntity(path, JsonNode.class).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<JsonNode> unknown = admin().call(HttpMethod.GET, MAILBOXES + "/nobody", null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("detail").asText()).contains("GET /api/admin/demo-mail");
    }

    @Test
    void smtpAndImapListenOnLoopbackOnly() throws Exception {
        assertThat(ListeningSockets.addresses(server.smtpPort())).containsExactly("127.0.0.1");
        assertThat(ListeningSockets.addresses(server.imapPort())).containsExactly("127.0.0.1");
    }

    private DemoUserClient admin() {
        return new DemoUserClient(http, "demo");
    }
}
