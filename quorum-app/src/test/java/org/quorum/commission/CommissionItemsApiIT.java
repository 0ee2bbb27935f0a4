package org.quorum.commission;

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

/** The Secretary General puts items before the policy commission through Quorum's API; nobody else may. */
@QuorumIntegrationTest
class CommissionItemsApiIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;

    @Test
    void commissionItemStartsForTheOfficeThatRunsIt() {
        assertThat(post("sg", "/api/commission-items", Map.of("itemType", "SG_PRIORITY",
                "itemTitle", "E-commerce")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
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
        return new DemoUserClient(http, user).post(path, body);
    }
}
