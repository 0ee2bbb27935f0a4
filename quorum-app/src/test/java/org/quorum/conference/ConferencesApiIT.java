package org.quorum.conference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.quorum.support.DemoUserClient;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The secretariat starts a conference's preparation through Quorum's API; dates that cannot be right start nothing. */
@QuorumIntegrationTest
class ConferencesApiIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;

    @Test
    void conferenceWithAPastDateOrDatesOutOfOrderIsRefused() {
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("conference-preparation").count();

        ResponseEntity<JsonNode> refused = post("officer", "/api/conferences", Map.of(
                "conferenceTitle", "XXth Regional Conference", "region", "AMERICAS_CARIBBEAN",
                "hostAdministration", "Cuba", "conferenceStartDate", "2017-05-15T09:00:00Z",
                "conferenceEndDate", "2017-05-14T18:00:00Z"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "conferenceEndDate", "conferenceStartDate", "datesInOrder");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("conference-preparation").count())
                .isEqualTo(instances);
    }

    @Test
    void malformedDateIsNamed() {
        ResponseEntity<JsonNode> refused = post("officer", "/api/conferences", Map.of(
                "conferenceTitle", "XXIst Regional Conference", "region", "AMERICAS_CARIBBEAN",
                "hostAdministration", "Chile", "conferenceStartDate", "15 May"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("conferenceStartDate");
    }

    @Test
    void conferenceStartsForTheOfficeThatRunsIt() {
        assertThat(post("officer", "/api/conferences", Map.of("conferenceTitle", "XXIst Regional Conference",
                "region", "AMERICAS_CARIBBEAN", "hostAdministration", "Chile")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Map<String, String> body) {
        return new DemoUserClient(http, user).post(path, body);
    }
}
