package org.quorum.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@QuorumIntegrationTest
class IdentitySetupIT {

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    IdentitySetup setup;

    @Test
    void everyBodyAndOfficeHasAGroup() {
        assertThat(identityService.createGroupQuery().list()).extracting(Group::getId).contains(
                "secretariat", "sg-office", "dsg-office", "regional-vice-chairs", "policy-commission", "council",
                "process-owners", "camunda-admin");
    }

    @Test
    void demoCastIsInTheMatchingGroups() {
        assertThat(groupsOf("demo")).containsExactly("camunda-admin");
        assertThat(groupsOf("sg")).containsExactly("sg-office");
        assertThat(groupsOf("dsg")).containsExactly("dsg-office");
        assertThat(groupsOf("officer")).containsExactly("secretariat");
        assertThat(groupsOf("vicechair")).containsExactly("regional-vice-chairs");
        assertThat(groupsOf("commission")).containsExactly("policy-commission");
        assertThat(groupsOf("council")).containsExactly("council");
        assertThat(groupsOf("owner")).containsExactly("process-owners");
        assertThat(identityService.checkPassword("officer", "officer")).isTrue();
    }

    @Test
    void onlyProcessOwnersAndAdministratorsReachCockpit() {
        assertThat(authorizationService.isUserAuthorized("owner", List.of("process-owners"),
                Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizationService.isUserAuthorized("officer", List.of("secretariat"),
                Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizationService.isUserAuthorized("officer", List.of("secretariat"),
                Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    }

    @Test
    void concurrentSetupsOnOneDatabaseBothSucceedAndCreateNothingTwice() {
        var extra = new UserAccount("concurrent", "concurrent", "Con", "Current", List.of("secretariat"));
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> setup.ensure(List.of(extra)));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> setup.ensure(List.of(extra)));
        CompletableFuture.allOf(first, second).join();

        assertThat(identityService.createUserQuery().userId("concurrent").count()).isEqualTo(1);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("secretariat")
                .resourceType(Resources.APPLICATION).resourceId("tasklist").count()).isEqualTo(1);
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
