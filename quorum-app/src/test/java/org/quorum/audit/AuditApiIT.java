package org.quorum.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorum.audit.internal.InstanceSearch;
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

@QuorumIntegrationTest
class AuditApiIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    AuditFixture fixture;

    @BeforeEach
    void deploy() {
        fixture = new AuditFixture(repository, runtime, tasks, identity);
    }

    @Test
    void timelineTellsWhoDidWhatInWhichCapacityOnWhichInputsAndWhichEventsWentOut() throws Exception {
        String id = fixture.start("REQ-" + UUID.randomUUID());
        String taskId = fixture.checkAsOfficer(id, "All documents present, \"stamped\"");

        JsonNode timeline = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> owner("/" + id),
                t -> !kinds(t).contains("event.pending") && kinds(t).contains("event.published"));

        assertThat(timeline.at("/instance/state").asText()).isEqualTo("completed");
        List<String> kinds = kinds(timeline);
        List<String> history = kinds.stream().filter(k -> !k.startsWith("event.")).toList();
        assertThat(history).containsSubsequence("process.started", "task.created", "task.assignee.added",
                "form.data", "task.completed", "decision.evaluated", "process.completed");
        assertThat(history.get(history.size() - 1)).isEqualTo("process.completed");

        JsonNode completed = entry(timeline, "task.completed");
        assertThat(completed.path("actor").asText()).isEqualTo("officer");
        assertThat(completed.path("actingFor").asText()).isEqualTo("Head of Secretariat");
        assertThat(completed.path("summary").asText())
                .isEqualTo("Task 'Check request' completed by officer acting for Head of Secretariat");
        assertThat(completed.at("/details/taskId").asText()).isEqualTo(taskId);
        assertThat(entry(timeline, "task.assignee.added").path("summary").asText())
                .isEqualTo("Task 'Check request' claimed by officer");

        JsonNode comment = entries(timeline, "form.data").stream()
                .filter(e -> e.at("/details/variable").asText().equals("comment")).findFirst()
                .orElseThrow(() -> new AssertionError("no comment in " + timeline.toPrettyString()));
        assertThat(comment.at("/details/value").asText()).isEqualTo("All documents present, \"stamped\"");
        assertThat(comment.path("actor").asText()).isEqualTo("officer");
        assertThat(entries(timeline, "form.data")).extracting(e -> e.at("/details/variable").asText())
                .as("only the fields the model lists as auditable").containsOnly("facilityType", "comment");

        JsonNode decision = entry(timeline, "decision.evaluated");
        assertThat(decision.at("/details/inputs/0/name").asText()).isEqualTo("Facility type");
        assertThat(decision.at("/details/inputs/0/value").asText()).isEqualTo("REGIONAL_CUSTOMS_LABORATORY");
        assertThat(decision.at("/details/outputs/0/name").asText()).isEqualTo("eligible");
        assertThat(decision.at("/details/outputs/0/value").asText()).isEqualTo("true");
        assertThat(decision.at("/details/outputs/0/ruleId").asText()).isEqualTo("DecisionRule_Laboratory");

        JsonNode published = entries(timeline, "event.published").stream()
                .filter(e -> e.at("/details/type").asText().equals("task.completed")).findFirst()
                .orElseThrow();
        assertThat(published.at("/details/topic").asText()).isEqualTo("quorum.process-events");
        assertThat(published.at("/details/delivery").asText()).isEqualTo("sent");
        assertThat(published.at("/details/partition").isInt()).isTrue();
        assertThat(published.at("/details/offset").isNumber()).isTrue();

        List<Instant> times = timeline.path("entries").findValuesAsText("at").stream().map(Instant::parse).toList();
        assertThat(times).isSorted();
        assertThat(timeline.at("/visits/Task_CheckRequest").asLong()).isEqualTo(1);
        assertThat(timeline.at("/visits/EndEvent_Accepted").asLong()).isEqualTo(1);
        assertThat(timeline.path("visits").has("EndEvent_Declined")).isFalse();
    }

    @Test
    void listFiltersByProcessBusinessKeyStateActorAndStartAndPagesWithATotal() throws Exception {
        String businessKey = "PAGING-" + UUID.randomUUID();
        String completed = fixture.start(businessKey);
        fixture.checkAsOfficer(completed, "ok");
        String cancelled = fixture.start(businessKey);
        runtime.deleteProcessInstance(cancelled, "withdrawn by the requester");
        String active = fixture.start(businessKey);

        String base = "?processKey=audit-fixture&businessKey=" + businessKey;
        JsonNode all = owner(base + "&size=2");
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(all.path("totalExact").asBoolean()).isTrue();
        assertThat(all.path("items")).hasSize(2);
        assertThat(owner(base + "&size=2&page=1").path("items")).hasSize(1);

        assertThat(ids(owner(base + "&state=active"))).containsExactly(active);
        assertThat(ids(owner(base + "&state=completed"))).containsExactly(completed);
        assertThat(ids(owner(base + "&state=cancelled"))).containsExactly(cancelled);
        assertThat(ids(owner(base + "&actor=officer"))).containsExactly(completed);
        assertThat(ids(owner(base + "&actor=council"))).isEmpty();
        assertThat(owner(base + "&startedAfter=2000-01-01").path("total").asLong()).isEqualTo(3);
        assertThat(owner(base + "&startedBefore=2000-01-01T00:00:00Z").path("total").asLong()).isZero();
        assertThat(owner("?processKey=no-such-process").path("total").asLong()).isZero();
        assertThat(owner(base).path("size").asInt()).as("default page size").isEqualTo(50);

        JsonNode item = owner(base + "&state=completed").path("items").get(0);
        assertThat(item.path("processDefinitionKey").asText()).isEqualTo("audit-fixture");
        assertThat(item.path("processDefinitionName").asText()).isEqualTo("Audit fixture (test)");
        assertThat(item.path("businessKey").asText()).isEqualTo(businessKey);
        assertThat(item.path("endedAt").asText()).isNotBlank();
    }

    /**
     * Over years of history a broad filter matches tens of thousands of instances: the list counts at most
     * {@link InstanceSearch#TOTAL_CAP} past the requested page and then says the total is
     * a lower bound. The matches are history rows written directly (only the list's own table is read), under a
     * process key of this test's own, and removed afterwards.
     */
    @Test
    void totalIsALowerBoundPastTheCapAndExactWithinIt() throws Exception {
        String key = "audit-cap-" + UUID.randomUUID();
        int matches = InstanceSearch.TOTAL_CAP + 100;
        jdbc.update("""
                insert into act_hi_procinst (id_, proc_inst_id_, proc_def_id_, proc_def_key_, start_time_, state_)
                select ? || '-' || n, ? || '-' || n, ?, ?, localtimestamp - n * interval '1 minute', 'COMPLETED'
                from generate_series(1, ?) n""", key, key, key, key, matches);
        try {
            JsonNode first = owner("?processKey=" + key + "&size=10");
            assertThat(first.path("items")).hasSize(10);
            assertThat(first.path("totalExact").asBoolean()).isFalse();
            assertThat(first.path("total").asLong()).as("a lower bound: the page and the cap past it")
                    .isEqualTo(10 + InstanceSearch.TOTAL_CAP);

            JsonNode deep = owner("?processKey=" + key + "&size=200&page=1");
            assertThat(deep.path("totalExact").asBoolean()).as("the count reaches past the page").isTrue();
            assertThat(deep.path("total").asLong()).isEqualTo(matches);
            assertThat(deep.path("items")).hasSize(200);
            assertThat(deep.path("items").get(0).path("id").asText()).isEqualTo(key + "-201");
        } finally {
            jdbc.update("delete from act_hi_procinst where proc_def_key_ = ?", key);
        }
    }

    @Test
    void onlyProcessOwnersAndAdministratorsMayAudit() {
        String url = "/api/audit/process-instances";
        ResponseEntity<String> anonymous = http.getForEntity(url, String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        // Not owner: Camunda delays the next login of a user after a failed one.
        assertThat(http.withBasicAuth("commission", "wrong").getForEntity(url, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> officer = http.withBasicAuth("officer", "officer").getForEntity(url, String.class);
        assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(officer.getBody()).contains("not a process owner");

        assertThat(http.withBasicAuth("owner", "owner").getForEntity(url, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("demo", "demo").getForEntity(url, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("owner", "owner").getForEntity("/api/audit/me", String.class).getBody())
                .contains("\"userId\":\"owner\"").contains("process-owners");
    }

    @Test
    void timelineExportsAsCsvWithHeaderAndQuotingAndAsJsonAttachment() throws Exception {
        String id = fixture.start("CSV-" + UUID.randomUUID());
        fixture.checkAsOfficer(id, "Checked, with \"quotes\"\nand a second line");

        ResponseEntity<String> csv = ownerGet("/api/audit/process-instances/" + id + "/timeline.csv");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("audit-audit-fixture-" + id + ".csv");
        String body = csv.getBody();
        assertThat(body).startsWith("\"time\",\"kind\",\"summary\",\"activity\",\"actor\",\"acting for\",\"details\"\r\n");
        assertThat(body).contains("\"Recorded comment = Checked, with \"\"quotes\"\"\nand a second line in task 'Check request'\"");
        assertThat(body).contains("\"task.completed\",\"Task 'Check request' completed by officer acting for Head of Secretariat\"");

        ResponseEntity<String> export = ownerGet("/api/audit/process-instances/" + id + "/timeline.json");
        assertThat(export.getHeaders().getContentDisposition().isAttachment()).isTrue();
        JsonNode exported = json.readTree(export.getBody());
        assertThat(exported.at("/instance/id").asText()).isEqualTo(id);
        assertThat(kinds(exported)).contains("task.completed", "decision.evaluated");
    }

    /** The identity links of all tasks come from one query; each still lands on its own task. */
    @Test
    void eachTaskOfAnInstanceShowsItsOwnClaimsAndCandidates() throws Exception {
        repository.createDeployment().name("audit-two-tasks").enableDuplicateFiltering(true)
                .addModelInstance("audit-two-tasks.bpmn", Bpmn.createExecutableProcess("audit-two-tasks")
                        .camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_First").name("First").camundaCandidateGroups("secretariat")
                        .userTask("Task_Second").name("Second").camundaCandidateGroups("sg-office")
                        .endEvent().done())
                .deploy();
        String id = runtime.startProcessInstanceByKey("audit-two-tasks").getId();
        String first = fixture.taskId(id);
        tasks.claim(first, "officer");
        tasks.complete(first);
        String second = fixture.taskId(id);
        tasks.claim(second, "sg");
        tasks.complete(second);

        JsonNode timeline = owner("/" + id);

        assertThat(entries(timeline, "task.candidate.added")).extracting(e -> e.path("summary").asText())
                .containsExactly("Task 'First' offered to group secretariat",
                        "Task 'Second' offered to group sg-office");
        assertThat(entries(timeline, "task.assignee.added"))
                .extracting(e -> e.at("/details/taskId").asText(), e -> e.at("/details/userId").asText())
                .containsExactly(tuple(first, "officer"), tuple(second, "sg"));
    }

    @Test
    void csvExportNeutralisesAFormulaTypedIntoTheRecord() throws Exception {
        String id = fixture.start("CSV-" + UUID.randomUUID());
        fixture.checkAsOfficer(id, "fine", "=HYPERLINK(\"http://evil.example\",\"open\")");

        String body = ownerGet("/api/audit/process-instances/" + id + "/timeline.csv").getBody();

        assertThat(body).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\",")
                .doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void diagramIsTheBpmnOfTheVersionTheInstanceRan() {
        String id = fixture.start("DIAGRAM-" + UUID.randomUUID());
        ResponseEntity<String> diagram = ownerGet("/api/audit/process-instances/" + id + "/diagram");
        assertThat(diagram.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
        assertThat(diagram.getBody()).contains("<bpmn:process id=\"audit-fixture\"");
    }

    @Test
    void unknownInstanceIsA404ProblemEverywhere() throws Exception {
        for (String path : List.of("", "/timeline.csv", "/timeline.json", "/diagram", "/verify")) {
            ResponseEntity<String> response = ownerGet("/api/audit/process-instances/no-such-instance" + path);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType().toString()).as(path)
                    .startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.path("status").asInt()).isEqualTo(404);
            assertThat(problem.path("detail").asText()).contains("no-such-instance");
        }
    }

    @Test
    void malformedFiltersAre400ProblemsNamingTheParameter() throws Exception {
        assertBadParameter("?startedAfter=yesterday", "startedAfter");
        assertBadParameter("?startedBefore=2026-13-45", "startedBefore");
        assertBadParameter("?size=201", "size");
        assertBadParameter("?size=0", "size");
        assertBadParameter("?size=lots", "size");
        assertBadParameter("?page=-1", "page");
        assertBadParameter("?state=finished", "state");
        assertThat(owner("?size=200").path("size").asInt()).isEqualTo(200);
    }

    private void assertBadParameter(String query, String parameter) throws Exception {
        ResponseEntity<String> response = ownerGet("/api/audit/process-instances" + query);
        assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("parameter").asText()).as(query).isEqualTo(parameter);
        assertThat(problem.path("detail").asText()).as(query).startsWith(parameter + " must be");
    }

    private ResponseEntity<String> ownerGet(String url) {
        return http.withBasicAuth("owner", "owner").exchange(url, HttpMethod.GET, new HttpEntity<>(new HttpHeaders()),
                String.class);
    }

    /** GET /api/audit/process-instances + suffix as owner, expecting 200. */
    private JsonNode owner(String suffix) throws Exception {
        ResponseEntity<String> response = ownerGet("/api/audit/process-instances" + suffix);
        assertThat(response.getStatusCode()).as(suffix + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    static List<String> kinds(JsonNode timeline) {
        return timeline.path("entries").findValuesAsText("kind");
    }

    static List<JsonNode> entries(JsonNode timeline, String kind) {
        List<JsonNode> found = new java.util.ArrayList<>();
        timeline.path("entries").forEach(e -> {
            if (e.path("kind").asText().equals(kind)) {
                found.add(e);
            }
        });
        return found;
    }

    static JsonNode entry(JsonNode timeline, String kind) {
        List<JsonNode> found = entries(timeline, kind);
        assertThat(found).as(kind).isNotEmpty();
        return found.get(0);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("id");
    }
}
