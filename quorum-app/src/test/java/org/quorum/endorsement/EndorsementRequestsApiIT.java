package org.quorum.endorsement;

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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Officers submit endorsement requests through Quorum's API: started as the officer, bad input starts nothing. */
@QuorumIntegrationTest
class EndorsementRequestsApiIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void officerSubmitsAnEndorsementRequestAndItsInstanceStartsWithTheRequestAsVariables() {
        ResponseEntity<JsonNode> response = post("officer", "/api/endorsement-requests", Map.of(
                "requestingAdministration", "Mexico", "facilityType", "REGIONAL_CUSTOMS_LABORATORY",
                "region", "AMERICAS_CARIBBEAN", "requestSummary", "Recognition of the customs laboratory",
                "reference", "REQ-API-MEX-LAB"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = response.getBody().path("processInstanceId").asText();
        assertThat(response.getHeaders().getLocation()).hasToString("/engine-rest/process-instance/" + id);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey())
                .isEqualTo("REQ-API-MEX-LAB");
        assertThat(runtime.getVariable(id, "facilityType")).isEqualTo("REGIONAL_CUSTOMS_LABORATORY");
        assertThat(jdbc.queryForObject("select start_user_id_ from act_hi_procinst where id_ = ?", String.class, id))
                .as("started as the signed-in officer").isEqualTo("officer");
    }

    @Test
    void everyBadFieldIsListedAndNothingStartsNorIsPublished() {
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("regional-endorsement").count();
        long events = jdbc.queryForObject("select count(*) from quorum_event_outbox", Long.class);

        ResponseEntity<JsonNode> refused = post("officer", "/api/endorsement-requests", Map.of(
                "requestingAdministration", " ", "facilityType", "SPACEPORT", "region", "ATLANTIS"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "facilityType", "region", "requestSummary", "requestingAdministration");
        assertThat(refused.getBody().path("errors").toString()).contains("REGIONAL_CUSTOMS_LABORATORY");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("regional-endorsement").count())
                .isEqualTo(instances);
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox", Long.class)).isEqualTo(events);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Map<String, String> body) {
        return new DemoUserClient(http, user).post(path, body);
    }
}
