package org.quorum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@QuorumIntegrationTest
class FoundationIT {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DataSource dataSource;

    @Test
    void engineRunsOnPostgresqlWithFullHistoryAndAuthorizationChecks() throws Exception {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
        assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    }

    @Test
    void tasklistPageIsServed() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<title>Camunda Tasklist");
    }

    @Test
    void restApiWithoutCredentialsIsUnauthorized() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void restApiWithWrongPasswordIsUnauthorized() {
        try {
            assertThat(http.withBasicAuth("vicechair", "not-the-password")
                    .getForEntity("/engine-rest/task", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            // Camunda delays a user's next login after a failed one; other tests of this application sign in as
            // vicechair, whichever order they run in.
            engine.getIdentityService().unlockUser("vicechair");
        }
    }

    @Test
    void restApiAcceptsTheDemoAdministrator() {
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task?maxResults=50", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void officerSeesSecretariatTaskButNotCouncilTask() {
        String instanceId = engine.getRuntimeService().startProcessInstanceByKey("foundation-visibility").getId();

        assertThat(taskKeysVisibleTo("officer", instanceId)).containsExactly("Task_SecretariatCheck");
        assertThat(taskKeysVisibleTo("council", instanceId)).containsExactly("Task_CouncilDecision");
        assertThat(taskKeysVisibleTo("demo", instanceId))
                .containsExactlyInAnyOrder("Task_SecretariatCheck", "Task_CouncilDecision");
    }

    @Test
    void healthReportsDatabaseAndKafka() {
        ResponseEntity<Map<String, Object>> health = http.withBasicAuth("demo", "demo").exchange("/actuator/health",
                HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        var components = (Map<String, Map<String, Object>>) health.getBody().get("components");
        assertThat(components.get("db")).containsEntry("status", "UP");
        assertThat(components.get("kafka")).containsEntry("status", "UP");
    }

    @Test
    void prometheusMetricsAreServed() {
        ResponseEntity<String> metrics = http.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus",
                String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    private List<String> taskKeysVisibleTo(String user, String instanceId) {
        ResponseEntity<List<Map<String, Object>>> tasks = http.withBasicAuth(user, user).exchange(
                "/engine-rest/task?maxResults=50&processInstanceId=" + instanceId, HttpMethod.GET, null, JSON_LIST);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        return tasks.getBody().stream().map(task -> (String) task.get("taskDefinitionKey")).toList();
    }
}
