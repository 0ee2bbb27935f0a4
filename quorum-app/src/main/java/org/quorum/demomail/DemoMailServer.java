package org.quorum.demomail;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.quorum.identity.UserAccount;
import org.quorum.infrastructure.startup.FreePorts;

/**
 * GreenMail's SMTP and IMAP servers, bound to 127.0.0.1 only, with one mailbox per given user: login the user id,
 * address {@link UserAccount#email()}, password the user's. Mail for any other address gets a mailbox of its own
 * (GreenMail creates it on delivery).
 */
final class DemoMailServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;

    private DemoMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static DemoMailServer start(DemoMailProperties settings, List<UserAccount> users) {
        refuseIfTaken(settings.smtpPort(), "SMTP", "quorum.demo-mail.smtp-port");
        refuseIfTaken(settings.imapPort(), "IMAP", "quorum.demo-mail.imap-port");
        GreenMailConfiguration mailboxes = GreenMailConfiguration.aConfig();
        users.forEach(user -> mailboxes.withUser(user.email(), user.id(), user.password()));
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(settings.smtpPort(), HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(settings.imapPort(), HOST, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(mailboxes);
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
        return new DemoMailServer(greenMail);
    }

    /** GreenMail reports a taken port as a startup timeout; checked first, so that the message names the setting. */
    private static void refuseIfTaken(int port, String protocol, String property) {
        if (port != 0) {
            FreePorts.claim(port, "The demo mail server (" + protocol + ")", property);
        }
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every mailbox, by login. */
    List<GreenMailUser> mailboxes() {
        return greenMail.getUserManager().listUser().stream()
                .sorted(Comparator.comparing(GreenMailUser::getLogin)).toList();
    }

    Optional<GreenMailUser> mailbox(String login) {
        return Optional.ofNullable(greenMail.getUserManager().getUser(login));
    }

    /** The mailbox's inbox in the order the messages arrived. */
    List<StoredMessage> inbox(GreenMailUser mailbox) {
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(mailbox).getMessages().stream()
                    .sorted(Comparator.comparingLong(StoredMessage::getUid)).toList();
        } catch (FolderException e) {
            throw new IllegalStateException("Cannot read the inbox of " + mailbox.getLogin(), e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
