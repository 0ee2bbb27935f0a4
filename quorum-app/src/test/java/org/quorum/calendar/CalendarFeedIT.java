package org.quorum.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.quorum.support.DemoUserClient;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user's calendar feed: issued and revoked in their own settings, read anonymously with the token, listing
 * exactly the due tasks Tasklist shows them, and refused once revoked.
 */
@QuorumIntegrationTest
class CalendarFeedIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFeedListsTheUsersDueTasksAndNotAnotherOfficesTask() throws Exception {
        String reference = "REQ-FEED-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> started = user("officer").post("/api/endorsement-requests", Map.of(
                "requestingAdministration", "Chile", "facilityType", "REGIONAL_CUSTOMS_LABORATORY",
                "region", "AMERICAS_CARIBBEAN", "requestSummary", "Recognition of the laboratory",
                "reference", reference));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Task groupTask = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(groupTask.getDueDate()).isNotNull();
        String assigned = standaloneTask(t -> t.setAssignee("officer"));
        String otherOffice = standaloneTask(t -> { });
        taskService.addCandidateGroup(otherOffice, "council");

        JsonNode issued = issue("officer");
        ResponseEntity<String> feed;
        try {
            feed = http.getForEntity(issued.path("url").asText(), String.class);
        } finally {
            taskService.deleteTask(assigned, true);
            taskService.deleteTask(otherOffice, true);
        }

        assertThat(feed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(feed.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/calendar")))
                .isTrue();
        Calendar calendar = parse(feed.getBody());
        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue()).isEqualTo("-//Quorum//Tasks//EN");
        List<String> uids = calendar.<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getProperty(Property.UID).orElseThrow().getValue()).toList();
        assertThat(uids).contains(groupTask.getId() + "@quorum", assigned + "@quorum")
                .doesNotContain(otherOffice + "@quorum");
        VEvent event = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().startsWith(groupTask.getId() + "@"))
                .findFirst().orElseThrow();
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .contains(groupTask.getName(), reference);
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).endsWith("Z");
        assertThat(event.getProperty(Property.URL).orElseThrow().getValue())
                .endsWith("/camunda/app/tasklist/default/#/?task=" + groupTask.getId());
        assertThat(event.getProperty(Property.DESCRIPTION)).isPresent();
    }

    @Test
    void onlyTheTokensHashIsStored() throws NoSuchAlgorithmException {
        JsonNode issued = issue("officer");
        String token = issued.path("token").asText();

        assertThat(jdbc.queryForObject("select count(*) from quorum_calendar_feed_token t "
                + "where strpos(t::text, ?) > 0", Long.class, token)).isZero();
        assertThat(jdbc.queryForObject("select token_hash from quorum_calendar_feed_token where id = ?",
                String.class, issued.path("id").asLong())).isEqualTo(HexFormat.of().formatHex(MessageDigest
                        .getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
        JsonNode listed = user("officer").call(HttpMethod.GET, "/api/me/calendar-feeds", null).getBody();
        assertThat(listed.toString()).doesNotContain(token);
        assertThat(listed.findValuesAsText("id")).contains(issued.path("id").asText());
    }

    @Test
    void anotherUserCannotRevokeATokenAndItsOwnerCan() {
        JsonNode issued = issue("officer");
        String url = issued.path("url").asText();
        String path = "/api/me/calendar-feeds/" + issued.path("id").asText();

        assertThat(user("council").call(HttpMethod.DELETE, path, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(user("council").call(HttpMethod.DELETE, "/api/me/calendar-feeds/999999999", null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(user("officer").call(HttpMethod.DELETE, path, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> revoked = http.getForEntity(url, String.class);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(revoked.getBody()).doesNotContain("detail").doesNotContain("revoked");
        assertThat(user("officer").call(HttpMethod.GET, "/api/me/calendar-feeds", null).getBody().toString())
                .contains("\"revokedAt\":\"");
    }

    @Test
    void anUnknownTokenIsNotFoundAndTheSettingsNeedASignedInUser() {
        ResponseEntity<String> unknown = http.getForEntity("/calendar/feeds/" + "A".repeat(43) + ".ics",
                String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).doesNotContain("detail").doesNotContain("A".repeat(43));

        assertThat(http.getForEntity("/api/me/calendar-feeds", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/api/me/calendar-feeds", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange("/api/me/calendar-feeds/1", HttpMethod.DELETE, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode issue(String user) {
        ResponseEntity<JsonNode> issued = user(user).post("/api/me/calendar-feeds", null);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(issued.getBody().path("url").asText()).endsWith(issued.getBody().path("token").asText() + ".ics");
        return issued.getBody();
    }

    private String standaloneTask(Consumer<Task> setUp) {
        Task task = taskService.newTask();
        task.setName("Feed check " + UUID.randomUUID());
        task.setDueDate(Date.from(Instant.parse("2001-01-01T09:00:00Z")));
        setUp.accept(task);
        taskService.saveTask(task);
        return task.getId();
    }

    private static Calendar parse(String ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private DemoUserClient user(String name) {
        return new DemoUserClient(http, name);
    }
}
