package org.quorum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.jdbc.core.JdbcTemplate;

/** What officers start by hand, through Quorum's API: authorised like the engine's, bad input starts nothing. */
@QuorumIntegrationTest
class StartProcessesApiIT {

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
    void conferenceCommissionItemAndVacancyStartForTheOfficesThatRunThem() {
        assertThat(post("officer", "/api/conferences", Map.of("conferenceTitle", "XXIst Regional Conference",
                "region", "AMERICAS_CARIBBEAN", "hostAdministration", "Chile")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("sg", "/api/commission-items", Map.of("itemType", "SG_PRIORITY",
                "itemTitle", "E-commerce")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> vacancy = post("sg", "/api/vacancies", Map.of("postId", "VICE_CHAIR_AMERICAS",
                "outgoingHolder", "Vice-Chair (Chile)", "vacancyDate", "2031-01-01T00:00:00Z"));
        assertThat(vacancy.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(vacancy.getBody().path("businessKey").asText()).isEqualTo("VICE_CHAIR_AMERICAS");
        runtime.deleteProcessInstance(vacancy.getBody().path("processInstanceId").asText(), "test finished");
    }

    @Test
    void vacancyOfAPostThatIsNotAPositionIsRefused() {
        ResponseEntity<JsonNode> refused = post("sg", "/api/vacancies", Map.of("postId", "NO_SUCH_POST",
                "outgoingHolder", "Someone", "vacancyDate", "2031-01-01T00:00:00Z"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("postId");
    }

    @Test
    void aViceChairMayNotStartProcessesAndAnonymousCallersMustSignIn() {
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("policy-commission-review").count();

        ResponseEntity<JsonNode> forbidden = post("vicechair", "/api/commission-items", Map.of(
                "itemType", "SG_PRIORITY", "itemTitle", "Security"));

        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forbidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("policy-commission-review").count())
                .isEqualTo(instances);
        assertThat(http.postForEntity("/api/commission-items", Map.of("itemType", "SG_PRIORITY", "itemTitle", "x"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST,
                new HttpEntity<>(new HashMap<>(body), headers), JsonNode.class);
    }
}
