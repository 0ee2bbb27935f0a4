package org.quorum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.quorum.support.QuorumIntegrationTest;
import org.quorum.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web safety defaults that hold in every profile: cookie flags of the webapps' session, security headers of
 * the audit page, the engine's query limit, and error responses without exception text.
 */
@QuorumIntegrationTest
class SecurityDefaultsIT {

    /** What exception, driver or parser text looks like; none of it may reach a caller. */
    private static final String[] INTERNALS = {"Exception", "java.", "org.", "ERROR:", "varchar", "SQL",
            "Cannot deserialize", "at [Source"};

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void webappLoginSetsAnHttpOnlySameSiteSessionCookieNotSecureOverPlainHttp() throws Exception {
        WebappSession browser = new WebappSession(port);
        HttpResponse<String> page = browser.openTasklist();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(WebappSession.setCookie(page, "XSRF-TOKEN")).get().asString()
                .containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");

        HttpResponse<String> login = browser.login("commission", "commission");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(WebappSession.setCookie(login, "JSESSIONID")).as("a new session id at login").get().asString()
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure");
        assertThat(browser.get("/camunda/api/engine/engine/default/filter?firstResult=0&maxResults=2000"
                + "&itemCount=false&resourceType=Task").statusCode())
                .as("Tasklist's own filter request (pages of 2000) within the query limit").isEqualTo(200);
    }

    @Test
    void auditPageAndApiSendAContentSecurityPolicyAndRefuseFraming() {
        ResponseEntity<String> page = http.getForEntity("/audit/", String.class);
        ResponseEntity<String> anonymous = http.getForEntity("/api/audit/process-instances", String.class);
        ResponseEntity<String> owner = http.withBasicAuth("owner", "owner")
                .getForEntity("/api/audit/process-instances", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (ResponseEntity<String> response : List.of(page, anonymous, owner)) {
            HttpHeaders headers = response.getHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'")
                    .contains("script-src 'self';").contains("frame-ancestors 'none'").contains("object-src 'none'")
                    .doesNotContain("unsafe-eval");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void queriesAboveTheEnginesLimitAreRefusedAndPagesWithinItAnswered() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
        TestRestTemplate demo = http.withBasicAuth("demo", "demo");

        ResponseEntity<JsonNode> above = demo.getForEntity("/engine-rest/task?maxResults=2001", JsonNode.class);
        ResponseEntity<JsonNode> unbounded = demo.getForEntity("/engine-rest/history/task", JsonNode.class);
        ResponseEntity<JsonNode> within = demo.getForEntity("/engine-rest/task?maxResults=2000", JsonNode.class);

        assertThat(above.getStatusCode()).as("a page above the limit").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unbounded.getStatusCode()).as("a list without a page").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(within.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void unreadableFieldIsNamedWithoutParserText() {
        long instances = history.createHistoricProcessInstanceQuery().count();

        ResponseEntity<String> refused = post("officer", "/api/conferences", Map.of("conferenceTitle", "Regional",
                "region", "EUROPE", "hostAdministration", "Austria", "conferenceStartDate", "next tuesday"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).contains("conferenceStartDate").doesNotContain(INTERNALS);
        assertThat(history.createHistoricProcessInstanceQuery().count()).as("nothing started").isEqualTo(instances);
    }

    @Test
    void engineRefusalNamesThePermissionButNoIds() throws Exception {
        long instances = history.createHistoricProcessInstanceQuery().count();

        ResponseEntity<String> refused = post("council", "/api/commission-items",
                Map.of("itemType", "SG_PRIORITY", "itemTitle", "Coordinated border management"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String detail = new ObjectMapper().readTree(refused.getBody()).path("detail").asText();
        assertThat(detail).doesNotContain(INTERNALS).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        assertThat(history.createHistoricProcessInstanceQuery().count()).as("nothing started").isEqualTo(instances);
    }

    @Test
    void databaseErrorIsAnsweredWithoutDriverText() {
        long positions = jdbc.queryForObject("select count(*) from quorum_position", Long.class);

        ResponseEntity<String> refused = post("demo", "/api/positions",
                Map.of("code", "P".repeat(300), "title", "Too long a code", "officeGroup", "secretariat"));

        assertThat(refused.getStatusCode().isError()).isTrue();
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).doesNotContain(INTERNALS);
        assertThat(jdbc.queryForObject("select count(*) from quorum_position", Long.class))
                .as("no position created").isEqualTo(positions);
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, user);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
