package org.quorum.identity;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.quorum.infrastructure.startup.StartupProblem;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, refuses to start while any account of the demo cast still has its demo password: a
 * database that once ran the demo would otherwise let anyone in as {@code demo}/{@code demo}.
 * <p>
 * The stored salted hash is compared with the demo password's, read inside an engine command. Signing in
 * ({@code IdentityService.checkPassword}) is not used: each failure counts as a failed login and, repeated on every
 * start, would lock the accounts. It runs once every bean exists and before the web server accepts requests.
 */
@Component
@Profile("!" + IdentityBootstrap.DEMO_PROFILE)
class DemoPasswordCheck implements SmartInitializingSingleton {

    private final ProcessEngineConfigurationImpl engine;

    DemoPasswordCheck(ProcessEngine engine) {
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> exposed = engine.getCommandExecutorTxRequired().execute(this::withDemoPassword);
        if (!exposed.isEmpty()) {
            throw new StartupProblem(
                    "These accounts of the demo cast still have their demo password (the user id): "
                            + String.join(", ", exposed) + ". Outside the demo profile Quorum does not start with "
                            + "passwords anyone can look up in the README.",
                    "Start once with SPRING_PROFILES_ACTIVE=demo and, as an administrator, give each of them a new "
                            + "password or delete them (Admin: http://<host>/camunda/app/admin/ > Users, or "
                            + "PUT /engine-rest/user/{id}/credentials, DELETE /engine-rest/user/{id}); then start "
                            + "again without the demo profile.");
        }
    }

    private List<String> withDemoPassword(CommandContext context) {
        return DemoCast.USERS.stream().filter(account -> {
            UserEntity user = context.getDbEntityManager().selectById(UserEntity.class, account.id());
            return user != null && user.getPassword() != null && engine.getPasswordManager()
                    .check(EncryptionUtil.saltPassword(account.password(), user.getSalt()), user.getPassword());
        }).map(UserAccount::id).toList();
    }
}
