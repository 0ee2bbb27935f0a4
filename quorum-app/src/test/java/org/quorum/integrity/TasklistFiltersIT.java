package org.quorum.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Filters are read-only to users, and still work: the shared ones (whose stored queries call currentUser() and
 * currentUserGroups()) for everyone, "Acting for ..." for the interim holders it was granted to.
 */
@QuorumIntegrationTest
class TasklistFiltersIT {

    private static final String FILTERS = "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50";

    @Autowired
    TestRestTemplate http;

    @Test
    void sharedFiltersListAnOfficersTasksAndTheActingForFilterIsTheInterimHoldersOnly() {
        String request = call("officer", HttpMethod.POST, "/api/endorsement-requests", Map.of(
                "requestingAdministration", "Canada", "facilityType", "REGIONAL_DOG_TRAINING_CENTRE",
                "region", "AMERICAS_CARIBBEAN", "requestSummary", "Filters test")).getBody()
                .path("processInstanceId").asText();

        String groupTasks = filterId("officer", "My group tasks");
        JsonNode listed = call("officer", HttpMethod.POST, "/engine-rest/filter/" + groupTasks
                + "/list?firstResult=0&maxResults=50", Map.of("processInstanceId", request)).getBody();
        assertThat(listed).as("My group tasks lists the secretariat's check").hasSize(1);
        assertThat(listed.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_CheckCompleteness");

        String code = "FILTERS_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        call("demo", HttpMethod.POST, "/api/positions", Map.of("code", code, "title", "Filters test post",
                "officeGroup", "dsg-office"));
        call("demo", HttpMethod.POST, "/api/positions/" + code + "/holdings", Map.of("kind", "INTERIM",
                "userId", "sg", "startsAt", "2020-01-01T00:00:00Z"));

        assertThat(filterNames("sg")).contains("My tasks", "My group tasks", "Acting for " + code);
        assertThat(filterNames("officer")).contains("My tasks", "My group tasks")
                .doesNotContain("Acting for " + code);
        JsonNode acting = call("sg", HttpMethod.GET, "/engine-rest/filter/" + filterId("sg", "Acting for " + code),
                null).getBody();
        assertThat(acting.path("owner").isNull()).as("nobody owns a filter, so nobody but administrators can "
                + "change it").isTrue();
    }

    private String filterId(String user, String name) {
        JsonNode filters = call(user, HttpMethod.GET, FILTERS, null).getBody();
        for (JsonNode filter : filters) {
            if (filter.path("name").asText().equals(name)) {
                return filter.path("id").asText();
            }
        }
        throw new AssertionError(user + " has no filter " + name + ": " + filters);
    }

    private List<String> filterNames(String user) {
        List<String> names = new ArrayList<>();
        call(user, HttpMethod.GET, FILTERS, null).getBody()
                .forEach(f -> names.add(f.path("name").asText()));
        return names;
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, user);
        ResponseEntity<JsonNode> response = http.exchange(path, method, new HttpEntity<>(body, headers),
                JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s %s: %s", user, method, path,
                response.getBody()).isTrue();
        return response;
    }
}
