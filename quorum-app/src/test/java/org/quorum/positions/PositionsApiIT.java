package org.quorum.positions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
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

/** {@code /api/positions}: who may use it, and every refusal as problem+json naming the rule, changing nothing. */
@QuorumIntegrationTest
class PositionsApiIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void administratorCreatesAPositionAndAppointsAHolderAndAnInterim() {
        String code = code();
        assertThat(create(code).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/positions/" + code + "/holdings", Map.of("kind", "SUBSTANTIVE", "userId", "dsg",
                "startsAt", "2017-01-01T00:00:00Z")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/positions/" + code + "/holdings", Map.of("kind", "INTERIM", "userId", "sg",
                "startsAt", "2018-01-01T00:00:00Z")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode position = admin().getForEntity("/api/positions/" + code, JsonNode.class).getBody();
        assertThat(position.path("actingNow").path("userId").asText()).isEqualTo("sg");
        assertThat(position.path("actingNow").path("actingFor").asText()).isEqualTo(code);
        assertThat(position.path("holdings")).hasSize(2);
    }

    @Test
    void overlappingInterimPeriodsAreRefused() {
        String code = code();
        create(code);
        post("/api/positions/" + code + "/holdings", Map.of("kind", "INTERIM", "userId", "sg",
                "startsAt", "2018-01-01T00:00:00Z", "endsAt", "2018-07-01T00:00:00Z"));

        ResponseEntity<JsonNode> refused = post("/api/positions/" + code + "/holdings", Map.of("kind", "INTERIM",
                "userId", "officer", "startsAt", "2018-06-01T00:00:00Z"));

        assertRefused(refused, HttpStatus.CONFLICT, "overlapping-interim");
        assertThat(holdings(code)).isEqualTo(1);
    }

    @Test
    void interimHolderMustBeAnExistingUser() {
        String code = code();
        create(code);

        assertRefused(post("/api/positions/" + code + "/holdings", Map.of("kind", "INTERIM", "userId", "nobody",
                "startsAt", "2018-01-01T00:00:00Z")), HttpStatus.BAD_REQUEST, "unknown-user");
        assertThat(holdings(code)).isZero();
    }

    @Test
    void endBeforeStartIsRefused() {
        String code = code();
        create(code);

        assertRefused(post("/api/positions/" + code + "/holdings", Map.of("kind", "INTERIM", "userId", "sg",
                "startsAt", "2018-01-01T00:00:00Z", "endsAt", "2017-12-31T00:00:00Z")),
                HttpStatus.BAD_REQUEST, "end-before-start");
        assertThat(holdings(code)).isZero();
    }

    @Test
    void endingAnInterimThatDoesNotExistIsRefused() {
        String code = code();
        create(code);

        assertRefused(post("/api/positions/" + code + "/interim/end", Map.of("endsAt", "2018-01-01T00:00:00Z")),
                HttpStatus.CONFLICT, "no-interim");
    }

    @Test
    void unknownPositionIsNotFound() {
        assertRefused(admin().getForEntity("/api/positions/NO_SUCH_SEAT", JsonNode.class), HttpStatus.NOT_FOUND,
                "no-such-position");
    }

    @Test
    void malformedDateIsABadRequest() {
        String code = code();
        create(code);

        ResponseEntity<JsonNode> refused = post("/api/positions/" + code + "/holdings", Map.of("kind", "INTERIM",
                "userId", "sg", "startsAt", "next Tuesday"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(holdings(code)).isZero();
    }

    @Test
    void onlyAdministratorsMayUseIt() {
        assertThat(http.withBasicAuth("officer", "officer").getForEntity("/api/positions", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/positions", JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    private ResponseEntity<JsonNode> create(String code) {
        return post("/api/positions", Map.of("code", code, "title", "Test seat", "officeGroup", "dsg-office"));
    }

    private long holdings(String code) {
        return admin().getForEntity("/api/positions/" + code, JsonNode.class).getBody().path("holdings").size();
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return admin().exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("demo", "demo");
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String rule) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("rule").asText()).isEqualTo(rule);
        assertThat(response.getBody().path("detail").asText()).isNotBlank();
    }

    private static String code() {
        return "API_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
