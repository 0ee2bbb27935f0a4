package org.quorum.identity;

import java.util.List;

import org.quorum.infrastructure.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * At startup: groups and authorizations always; the demo cast in the {@code demo} profile; otherwise one
 * administrator whose password the operator must provide.
 */
@Component
class IdentityBootstrap implements ApplicationRunner {

    static final String DEMO_PROFILE = "demo";
    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentitySetup setup;
    private final List<UserAccount> users;

    IdentityBootstrap(IdentitySetup setup, AdminProperties admin, Environment environment) {
        this.setup = setup;
        this.users = environment.acceptsProfiles(Profiles.of(DEMO_PROFILE)) ? DemoCast.USERS : List.of(admin(admin));
    }

    private static UserAccount admin(AdminProperties admin) {
        if (!StringUtils.hasText(admin.password())) {
            throw new StartupProblem(
                    "No administrator password is set. Outside the demo profile Quorum has no default password.",
                    "Set QUORUM_ADMIN_PASSWORD (quorum.admin.password), and optionally QUORUM_ADMIN_USERNAME "
                            + "(default admin); or run the demo with SPRING_PROFILES_ACTIVE=demo.");
        }
        return new UserAccount(admin.username(), admin.password(), "Quorum", "Administrator",
                List.of(Groups.CAMUNDA_ADMIN));
    }

    @Override
    public void run(ApplicationArguments args) {
        setup.ensure(users);
        log.info("Identity ready: {} groups; users ensured: {}", Groups.ALL.size(),
                users.stream().map(UserAccount::id).toList());
    }
}
