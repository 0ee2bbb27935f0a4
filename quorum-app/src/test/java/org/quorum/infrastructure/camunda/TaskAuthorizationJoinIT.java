package org.quorum.infrastructure.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The task query's authorization join runs rewritten ({@link TaskAuthorizationJoin}) and answers as Camunda's
 * own: through each of the three keys Camunda compares (the task's own authorization written for its candidate
 * group, a grant on the process definition's key, a grant on every task), in the list and in the count, and a
 * user with none of them sees nothing. Runs in the shared application context.
 */
@QuorumIntegrationTest
class TaskAuthorizationJoinIT {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskAuthorizationJoin join;

    @Test
    void taskListAndCountAnswerThroughEachAuthorizationKeyWithTheRewrittenJoin() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("foundation-visibility").getId();
        long before = join.rewritten();

        assertThat(visibleTo("officer", "officer", instance)).as("the task's own authorization (candidate group)")
                .containsExactly("Task_SecretariatCheck");
        assertThat(countFor("officer", "officer", instance)).isEqualTo(1);
        assertThat(visibleTo("demo", "demo", instance)).as("a grant on every task ('*')")
                .containsExactlyInAnyOrder("Task_SecretariatCheck", "Task_CouncilDecision");
        assertThat(countFor("demo", "demo", instance)).isEqualTo(2);

        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        String reader = "task-reader-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Reader-" + UUID.randomUUID();
        User user = identity.newUser(reader);
        user.setPassword(password);
        identity.saveUser(user);
        try {
            assertThat(visibleTo(reader, password, instance)).as("no authorization: nothing").isEmpty();
            assertThat(countFor(reader, password, instance)).isZero();

            Authorization byKey = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            byKey.setUserId(reader);
            byKey.setResource(Resources.PROCESS_DEFINITION);
            byKey.setResourceId("foundation-visibility");
            byKey.addPermission(Permissions.READ_TASK);
            authorizations.saveAuthorization(byKey);
            assertThat(visibleTo(reader, password, instance)).as("a grant on the process definition's key")
                    .containsExactlyInAnyOrder("Task_SecretariatCheck", "Task_CouncilDecision");
            assertThat(countFor(reader, password, instance)).isEqualTo(2);
        } finally {
            identity.deleteUser(reader);
            authorizations.createAuthorizationQuery().userIdIn(reader).list()
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }

        assertThat(join.rewritten() - before).as("every list and count above ran the rewritten join")
                .isGreaterThanOrEqualTo(8);
    }

    private List<String> visibleTo(String user, String password, String instance) {
        ResponseEntity<List<Map<String, Object>>> tasks = http.withBasicAuth(user, password).exchange(
                "/engine-rest/task?maxResults=50&processInstanceId=" + instance, HttpMethod.GET, null, JSON_LIST);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        return tasks.getBody().stream().map(task -> (String) task.get("taskDefinitionKey")).toList();
    }

    private long countFor(String user, String password, String instance) {
        ResponseEntity<Map<String, Object>> count = http.withBasicAuth(user, password).exchange(
                "/engine-rest/task/count?processInstanceId=" + instance, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(count.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((Number) count.getBody().get("count")).longValue();
    }
}
