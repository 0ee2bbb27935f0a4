package org.quorum.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A user of the demo cast calling Quorum's API or Camunda's REST API with a JSON body; a demo user's password is
 * the user name. Answers are read as JSON whatever the status, so that a test can check a refusal's problem.
 */
public record DemoUserClient(TestRestTemplate http, String user) {

    public ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return call(HttpMethod.POST, path, body);
    }
}
