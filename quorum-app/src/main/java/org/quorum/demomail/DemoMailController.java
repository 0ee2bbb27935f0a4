package org.quorum.demomail;

import java.io.IOException;
import java.util.List;

import jakarta.mail.MessagingException;
import org.camunda.bpm.engine.IdentityService;
import org.quorum.identity.Groups;
import org.quorum.infrastructure.web.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/demo-mail} and {@code GET /api/admin/demo-mail/{userId}} (administrators, demo mail on):
 * the demo mail server's mailboxes, and the messages one of them received, oldest first. Without the demo mail
 * server these routes do not exist (404).
 */
@RestController
@RequestMapping("/api/admin/demo-mail")
@ConditionalOnBooleanProperty(DemoMailConfiguration.ENABLED)
class DemoMailController {

    private final DemoMailServer server;
    private final IdentityService identity;

    DemoMailController(DemoMailServer server, IdentityService identity) {
        this.server = server;
        this.identity = identity;
    }

    @GetMapping
    List<Mailbox> mailboxes() {
        requireAdministrator();
        return server.mailboxes().stream()
                .map(box -> new Mailbox(box.getLogin(), box.getEmail(), server.inbox(box).size())).toList();
    }

    @GetMapping("/{userId}")
    List<DemoMessage> messages(@PathVariable String userId) throws MessagingException, IOException {
        requireAdministrator();
        var mailbox = server.mailbox(userId).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "No demo mailbox for this user; GET /api/admin/demo-mail lists the mailboxes"), null));
        return DemoMessage.all(server.inbox(mailbox));
    }

    private void requireAdministrator() {
        CurrentUser.requireGroup(identity, Groups.CAMUNDA_ADMIN,
                "Only administrators (group camunda-admin) may read the demo mailboxes");
    }

    /** A mailbox: its login (the user id for the demo cast), its address, and how many messages it holds. */
    record Mailbox(String user, String address, int messages) {
    }
}
