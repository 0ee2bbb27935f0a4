/**
 * The demo profile's mail server: an embedded GreenMail on 127.0.0.1 that receives every mail Quorum sends, one
 * mailbox per user of the demo cast (readable over IMAP with the user's demo password), and an administrators'
 * API to read the mailboxes. Off outside the demo profile, where {@code spring.mail.*} names the organisation's
 * server.
 */
package org.quorum.demomail;
