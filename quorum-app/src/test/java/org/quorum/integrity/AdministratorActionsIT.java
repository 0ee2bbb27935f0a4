package org.quorum.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What officers are refused stays possible for administrators, who repair instances, and each such action is
 * in the engine's user operation log with who did it.
 */
@QuorumIntegrationTest
class AdministratorActionsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @Test
    void anAdministratorStartsAtAnActivityAndModifiesAnInstanceAndBothAreLoggedWithTheirName() {
        ResponseEntity<JsonNode> started = call("demo", HttpMethod.POST,
                "/engine-rest/process-definition/key/regional-endorsement/start", Map.of(
                        "businessKey", "REQ-ADMIN-REPAIR",
                        "variables", Map.of("requestingAdministration", Map.of("value", "Mexico"),
                                "facilityType", Map.of("value", "REGIONAL_CUSTOMS_LABORATORY"),
                                "region", Map.of("value", "AMERICAS_CARIBBEAN")),
                        "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", "Task_PlaceOnAgenda"))));
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        String instance = started.getBody().path("id").asText();
        assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_PlaceOnAgenda");

        ResponseEntity<JsonNode> modified = call("demo", HttpMethod.POST,
                "/engine-rest/process-instance/" + instance + "/modification", Map.of("instructions", List.of(
                        Map.of("type", "startBeforeActivity", "activityId", "Task_CheckCompleteness"),
                        Map.of("type", "cancel", "activityId", "Task_PlaceOnAgenda"))));
        assertThat(modified.getStatusCode()).as("%s", modified.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        List<String> operations = history.createUserOperationLogQuery().processInstanceId(instance).userId("demo")
                .list().stream().map(UserOperationLogEntry::getOperationType).distinct().toList();
        assertThat(operations).as("the operation log names the administrator for each repair")
                .contains(UserOperationLogEntry.OPERATION_TYPE_CREATE,
                        UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE);
    }

    @Test
    void evenAnAdministratorsStoredQueryCannotCallTheIdentityService() {
        String expression = "${identityService.createMembership('council', 'camunda-admin') == null ? 'x' : 'x'}";
        ResponseEntity<JsonNode> created = call("demo", HttpMethod.POST, "/engine-rest/filter/create", Map.of(
                "resourceType", "Task", "name", "Defence in depth", "query",
                Map.of("assigneeExpression", expression)));
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.OK);
        try {
            ResponseEntity<JsonNode> listed = call("demo", HttpMethod.GET, "/engine-rest/filter/"
                    + created.getBody().path("id").asText() + "/list?firstResult=0&maxResults=10", null);
            assertThat(listed.getStatusCode().is2xxSuccessful()).as("%s", listed.getBody()).isFalse();
            assertThat(identity.createUserQuery().userId("council").memberOfGroup("camunda-admin").count())
                    .as("expressions see the models' delegates only, not the identity service").isZero();
        } finally {
            call("demo", HttpMethod.DELETE, "/engine-rest/filter/" + created.getBody().path("id").asText(), null);
        }
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, user);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
