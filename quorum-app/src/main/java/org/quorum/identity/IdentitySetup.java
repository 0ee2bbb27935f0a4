package org.quorum.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.quorum.infrastructure.camunda.QueryPages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, when missing, the groups, their authorizations, the shared Tasklist filters and named users.
 * Every node runs it at startup; a transaction-scoped PostgreSQL advisory lock makes concurrent nodes take
 * turns, so the second finds everything in place instead of failing on a duplicate key.
 */
@Service
public class IdentitySetup {

    private static final long LOCK_KEY = 0x51554F52554EL;

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
                  FilterService filterService, TaskService taskService, TransactionTemplate transaction,
                  JdbcTemplate jdbc) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** Groups, authorizations and filters, plus the given users (created only when missing). */
    public void ensure(List<UserAccount> users) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK_KEY);
            Groups.ALL.forEach(this::ensureGroup);
            grantGroupPermissions();
            ensureFilters();
            users.forEach(this::ensureUser);
        });
    }

    private void ensureGroup(Groups.GroupDefinition definition) {
        if (identityService.createGroupQuery().groupId(definition.id()).count() == 0) {
            Group group = identityService.newGroup(definition.id());
            group.setName(definition.name());
            group.setType(definition.type());
            identityService.saveGroup(group);
        }
    }

    private void grantGroupPermissions() {
        for (Resource resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        for (String group : Groups.WORKING) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.USER, ANY, Permissions.READ);
            grant(group, Resources.GROUP, ANY, Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            // Earlier releases let these groups start any process and read any filter: taken back, as start
            // rights are now per process and filters are read per filter.
            revoke(group, Resources.PROCESS_DEFINITION, ANY, Permissions.CREATE_INSTANCE);
            revoke(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            revoke(group, Resources.FILTER, ANY, Permissions.READ);
        }
        Groups.STARTERS.forEach((processKey, groups) -> groups.forEach(group -> {
            grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }));
        String owners = Groups.PROCESS_OWNERS;
        grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(owners, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
        grant(owners, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(owners, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
        grant(owners, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(owners, Resources.TASK, ANY, Permissions.READ);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void revoke(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null || !authorization.isPermissionGranted(permission)) {
            return;
        }
        authorization.removePermission(permission);
        if (authorization.getPermissions(Permissions.values()).length == 0) {
            authorizationService.deleteAuthorization(authorization.getId());
        } else {
            authorizationService.saveAuthorization(authorization);
        }
    }

    /**
     * Tasklist shows nothing without filters; these two are what an officer expects on first login. Working
     * groups may read these two only. No filter has an owner: Camunda gives a filter's owner every right on it,
     * and a stored query's expressions are evaluated, so an owner could make Tasklist call any Spring bean.
     * Filters owned by users (earlier releases made interim holders owners) lose their owner, who keeps reading.
     */
    private void ensureFilters() {
        String mine = ensureFilter("My tasks", -10,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        String groups = ensureFilter("My group tasks", -5, taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        for (String group : Groups.WORKING) {
            grant(group, Resources.FILTER, mine, Permissions.READ);
            grant(group, Resources.FILTER, groups, Permissions.READ);
        }
        QueryPages.all(filterService.createFilterQuery()).stream().filter(f -> f.getOwner() != null)
                .forEach(this::disown);
    }

    private String ensureFilter(String name, int priority, TaskQuery query) {
        Filter existing = filterService.createFilterQuery().filterName(name).orderByFilterId().asc().listPage(0, 1)
                .stream().findFirst().orElse(null);
        if (existing != null) {
            return existing.getId();
        }
        Filter filter = filterService.newTaskFilter(name).setQuery(query);
        filter.setProperties(Map.of("priority", priority, "description", name, "refresh", true));
        return filterService.saveFilter(filter).getId();
    }

    private void disown(Filter filter) {
        String owner = filter.getOwner();
        Authorization ownerRights = authorizationService.createAuthorizationQuery().userIdIn(owner)
                .resourceType(Resources.FILTER).resourceId(filter.getId()).singleResult();
        if (ownerRights != null) {
            authorizationService.deleteAuthorization(ownerRights.getId());
        }
        grantFilterRead(owner, filter.getId());
        filter.setOwner(null);
        filterService.saveFilter(filter);
    }

    /**
     * Lets one user read one filter (and so see it in Tasklist), and nothing more: filters have no owners, and
     * only administrators change them.
     */
    public void grantFilterRead(String userId, String filterId) {
        if (authorizationService.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.FILTER)
                .resourceId(filterId).hasPermission(Permissions.READ).count() > 0) {
            return;
        }
        Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        read.setUserId(userId);
        read.setResource(Resources.FILTER);
        read.setResourceId(filterId);
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
    }

    private void ensureUser(UserAccount account) {
        if (identityService.createUserQuery().userId(account.id()).count() == 0) {
            User user = identityService.newUser(account.id());
            user.setFirstName(account.firstName());
            user.setLastName(account.lastName());
            user.setEmail(account.email());
            user.setPassword(account.password());
            identityService.saveUser(user);
        }
        for (String group : account.groups()) {
            if (identityService.createUserQuery().userId(account.id()).memberOfGroup(group).count() == 0) {
                identityService.createMembership(account.id(), group);
            }
        }
    }
}
