package org.quorum.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator created outside the demo profile.
 *
 * @param username administrator's user id, member of {@code camunda-admin}
 * @param password required outside the demo profile: Quorum ships no default password
 */
@ConfigurationProperties("quorum.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password) {
}
