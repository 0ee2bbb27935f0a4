package org.quorum.interim;

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

/** The Secretary General reports a post's vacancy through Quorum's API; only a position can fall vacant. */
@QuorumIntegrationTest
class VacanciesApiIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;

    @Test
    void vacancyStartsForTheOfficeThatRunsIt() {
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

    private ResponseEntity<JsonNode> post(String user, String path, Map<String, String> body) {
        return new DemoUserClient(http, user).post(path, body);
    }
}
