package org.quorum.identity;

import java.util.List;

/** A user Quorum creates at startup when missing; an existing user's password is never overwritten. */
public record UserAccount(String id, String password, String firstName, String lastName, List<String> groups) {

    /** The address Quorum gives the user in Camunda's identity, and the demo mail server's mailbox of the user. */
    public String email() {
        return id + "@quorum.example";
    }
}
