package org.quorum.identity;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
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

    IdentityBootstrap(IdentitySetup setup, AdminProperties admin, Environment environment, IdentityService identity) {
        this.setup = setup;
        this.users = environment.acceptsProfiles(Profiles.of(DEMO_PROFILE)) ? DemoCast.USERS
                : List.of(checkedAgainstPolicy(admin(admin), identity));
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

    /**
     * A new administrator's password must pass Camunda's password policy (on outside the demo profile), checked
     * here so that startup names the rules it breaks instead of failing in the engine with "Password does not match
     * policy". An existing administrator keeps their password: the setting is then not used.
     */
    private static UserAccount checkedAgainstPolicy(UserAccount account, IdentityService identity) {
        PasswordPolicy policy = identity.getPasswordPolicy();
        if (policy == null || identity.createUserQuery().userId(account.id()).count() > 0) {
            return account;
        }
        User candidate = identity.newUser(account.id());
        candidate.setFirstName(account.firstName());
        candidate.setLastName(account.lastName());
        PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(policy, account.password(), candidate);
        if (!result.isValid()) {
            throw new StartupProblem("The administrator password (QUORUM_ADMIN_PASSWORD) does not pass the password "
                    + "policy: it needs " + result.getViolatedRules().stream().map(IdentityBootstrap::describe)
                            .collect(Collectors.joining(", ")) + ".",
                    "Set QUORUM_ADMIN_PASSWORD to a password of at least 10 characters with upper and lower case "
                            + "letters, a digit and a special character, not containing the user name ("
                            + account.id() + ") or " + account.firstName() + "/" + account.lastName() + ".");
        }
        return account;
    }

    private static String describe(PasswordPolicyRule rule) {
        String count = rule.getParameters() == null ? "1" : rule.getParameters().values().stream().findFirst()
                .orElse("1");
        return switch (rule.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> "at least " + count + " characters";
            case "PASSWORD_POLICY_LOWERCASE" -> "at least " + count + " lower-case letter(s)";
            case "PASSWORD_POLICY_UPPERCASE" -> "at least " + count + " upper-case letter(s)";
            case "PASSWORD_POLICY_DIGIT" -> "at least " + count + " digit(s)";
            case "PASSWORD_POLICY_SPECIAL" -> "at least " + count + " special character(s)";
            case "PASSWORD_POLICY_USER_DATA" -> "not to contain the user's id or name";
            default -> rule.getPlaceholder();
        };
    }

    @Override
    public void run(ApplicationArguments args) {
        setup.ensure(users);
        log.info("Identity ready: {} groups; users ensured: {}", Groups.ALL.size(),
                users.stream().map(UserAccount::id).toList());
    }
}
