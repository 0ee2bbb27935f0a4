package org.quorum.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.quorum.support.DemoUserClient;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An endorsement request worked through the REST API by the demo users of the offices that act on it: each can
 * do their part, and nobody can do another office's part.
 */
@QuorumIntegrationTest
class TaskAuthorizationsIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void eachOfficeWorksItsOwnTasksOfARequestAndNoOther() {
        String request = call("officer", HttpMethod.POST, "/api/endorsement-requests", Map.of(
                "requestingAdministration", "United States", "facilityType", "REGIONAL_DOG_TRAINING_CENTRE",
                "region", "AMERICAS_CARIBBEAN", "requestSummary", "Recognition of the dog training centre"))
                .getBody().path("processInstanceId").asText();

        String check = taskOf(request, "officer", "Task_CheckCompleteness");
        assertThat(tasksVisibleTo("vicechair", request)).as("the Vice-Chair does not see the secretariat's check")
                .isZero();
        assertThat(call("vicechair", HttpMethod.POST, "/engine-rest/task/" + check + "/claim",
                Map.of("userId", "vicechair")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        work("officer", check, Map.of("checkResult", "COMPLETE"));
        work("officer", taskOf(request, "officer", "Task_PlaceOnAgenda"), Map.of(
                "conferenceReference", "Americas/Caribbean", "conferenceDate", "2031-05-15T09:00Z"));

        String decision = taskOf(request, "vicechair", "Task_RecordDelegatesDecision");
        assertThat(call("officer", HttpMethod.POST, "/engine-rest/task/" + decision + "/claim",
                Map.of("userId", "officer")).getStatusCode()).as("officers do not decide for the delegates")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("officer", HttpMethod.POST, "/engine-rest/task/" + decision + "/complete",
                Map.of("variables", Map.of("delegatesDecision", Map.of("value", "ENDORSE")))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        work("vicechair", decision, Map.of("delegatesDecision", "DECLINE"));

        ResponseEntity<JsonNode> history = call("owner", HttpMethod.GET,
                "/engine-rest/history/process-instance/" + request, null);
        assertThat(history.getStatusCode()).as("process owners read the history").isEqualTo(HttpStatus.OK);
        assertThat(history.getBody().path("processDefinitionKey").asText()).isEqualTo("regional-endorsement");
        assertThat(call("vicechair", HttpMethod.DELETE, "/engine-rest/history/process-instance/" + request, null)
                .getStatusCode()).as("nobody but administrators deletes history").isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String taskOf(String processInstanceId, String user, String taskKey) {
        JsonNode tasks = call(user, HttpMethod.GET, "/engine-rest/task?maxResults=50&processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + taskKey, null).getBody();
        assertThat(tasks).as("%s sees %s", user, taskKey).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    private long tasksVisibleTo(String user, String processInstanceId) {
        return call(user, HttpMethod.GET, "/engine-rest/task/count?processInstanceId=" + processInstanceId, null)
                .getBody().path("count").asLong();
    }

    private void work(String user, String taskId, Map<String, Object> variables) {
        assertThat(call(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        assertThat(call(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", typed)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        return new DemoUserClient(http, user).call(method, path, body);
    }
}
