package org.quorum.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Anonymous callers see the health status and the probes, never details or metrics; a non-administrator may
 * not read metrics either; an administrator (camunda-admin, HTTP Basic) sees both. The probes answer what a
 * supervisor needs: liveness from the engine, readiness from startup and the database, Kafka in neither.
 */
@QuorumIntegrationTest
class ActuatorAccessIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void anonymousHealthShowsTheStatusOnly() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isIn("UP", "WARNING");
        // The probe groups' names are listed too (Spring Boot always does); no component, no detail.
        assertThat(fieldNames(health.getBody())).containsExactlyInAnyOrder("status", "groups");
    }

    @Test
    void administratorSeesHealthDetails() {
        ResponseEntity<JsonNode> health = http.withBasicAuth("demo", "demo").getForEntity("/actuator/health",
                JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("components").path("db").path("details").path("database").asText())
                .isEqualTo("PostgreSQL");
        assertThat(health.getBody().path("components").has("kafka")).isTrue();
        assertThat(health.getBody().path("components").path("readinessState").path("status").asText())
                .as("the overall status waits for readiness too").isEqualTo("UP");
    }

    @Test
    void nonAdministratorSeesTheStatusOnly() {
        ResponseEntity<JsonNode> health = http.withBasicAuth("officer", "officer").getForEntity("/actuator/health",
                JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fieldNames(health.getBody())).containsExactlyInAnyOrder("status", "groups");
    }

    @Test
    void prometheusIsRefusedAnonymouslyAndToANonAdministratorAndServedToAnAdministrator() {
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(anonymous.getBody()).doesNotContain("jvm_memory");

        ResponseEntity<String> officer = http.withBasicAuth("officer", "officer")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(officer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(officer.getBody()).doesNotContain("jvm_memory");

        ResponseEntity<String> admin = http.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus",
                String.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody()).contains("jvm_memory_used_bytes");
    }

    @Test
    void otherActuatorEndpointsNeedAnAdministratorToo() {
        assertThat(http.getForEntity("/actuator", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/info", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/health/db", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/actuator/info", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void wrongCredentialsAreRefusedEvenOnHealth() {
        // An unknown user: a demo account would have its next login delayed after a failed one.
        assertThat(http.withBasicAuth("legal", "not-the-password").getForEntity("/actuator/health", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void probesAreAnonymousAndSayUp() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            ResponseEntity<JsonNode> answer = http.getForEntity(probe, JsonNode.class);
            assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody().path("status").asText()).as(probe).isEqualTo("UP");
            assertThat(fieldNames(answer.getBody())).as(probe).containsExactly("status");
        }
    }

    @Test
    void livenessFollowsTheEngineAndReadinessTheDatabaseAndNeitherKafka() {
        JsonNode liveness = http.withBasicAuth("demo", "demo").getForObject("/actuator/health/liveness",
                JsonNode.class);
        JsonNode readiness = http.withBasicAuth("demo", "demo").getForObject("/actuator/health/readiness",
                JsonNode.class);

        assertThat(fieldNames(liveness.path("components"))).containsExactlyInAnyOrder("livenessState",
                "processEngine");
        assertThat(fieldNames(readiness.path("components"))).containsExactlyInAnyOrder("readinessState", "db");
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
