package org.quorum.identity;

import java.util.List;

/** A user Quorum creates at startup when missing; an existing user's password is never overwritten. */
public record UserAccount(String id, String password, String firstName, String lastName, List<String> groups) {
}
