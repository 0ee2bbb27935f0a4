package org.quorum.notifications.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.quorum.infrastructure.camunda.QueryPages;
import org.springframework.stereotype.Component;

/**
 * Who a mail reaches, from Camunda's users and groups (or whatever identity provider the engine is given). A user
 * without an e-mail address gets no mail. Runs on the notifier's own threads, where no user is authenticated, so
 * the engine's queries see every user.
 */
@Component
class Recipients {

    private final IdentityService identity;

    Recipients(IdentityService identity) {
        this.identity = identity;
    }

    Optional<Recipient> user(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult()).flatMap(Recipients::of);
    }

    /** Every member of the groups, each once, in the order found. */
    List<Recipient> membersOf(Collection<String> groups) {
        Map<String, Recipient> members = new LinkedHashMap<>();
        for (String group : groups) {
            for (User user : QueryPages.all(identity.createUserQuery().memberOfGroup(group).orderByUserId().asc())) {
                of(user).ifPresent(r -> members.putIfAbsent(r.userId(), r));
            }
        }
        return List.copyOf(members.values());
    }

    private static Optional<Recipient> of(User user) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return Optional.empty();
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return Optional.of(new Recipient(user.getId(), user.getEmail(), name.isEmpty() ? user.getId() : name));
    }
}
