package org.quorum.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.quorum.identity.Groups;
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

    private static final String ACTOR_PROCESS = "audit-actor-fixture";

    /** The history's own answer, as the filter read it before the index: the reference for the index. */
    private static final String FROM_HISTORY = """
            select p.id_ from act_hi_procinst p
            where p.start_user_id_ = ?
               or exists (select 1 from act_hi_op_log o where o.proc_inst_id_ = p.id_
                          and o.operation_type_ = 'Complete' and o.entity_type_ = 'Task' and o.user_id_ = ?)
               or exists (select 1 from act_hi_taskinst t where t.proc_inst_id_ = p.id_
                          and t.end_time_ is not null and t.delete_reason_ = 'completed' and t.assignee_ = ?)""";

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

    /**
     * The list's actor filter reads Quorum's actor index (written as users start instances and complete tasks); it
     * must give exactly what the history says: the instances the user started, or in which the user completed a
     * task as the authenticated user (Camunda's operation log) or as its assignee.
     */
    @Test
    void startersCompletersAndAssigneesFindTheirInstancesAndNoOneElseDoes() throws Exception {
        String businessKey = "ACTORS-" + UUID.randomUUID();
        String starter = "starter-" + UUID.randomUUID();
        String assignee = "assignee-" + UUID.randomUUID();
        String completer = "completer-" + UUID.randomUUID();
        String bystander = "bystander-" + UUID.randomUUID();

        // Started by a user; its task assigned to one user and completed by another (the authenticated one).
        String worked = startAs(starter, businessKey);
        String task = fixture.taskId(worked);
        tasks.setAssignee(task, assignee);
        authenticated(completer, () -> tasks.complete(task));
        // Started by the engine (no user); a bystander claims its task and gives it back, and nobody completes it.
        String untouched = runtime.startProcessInstanceByKey(ACTOR_PROCESS, businessKey).getId();
        tasks.claim(fixture.taskId(untouched), bystander);
        tasks.setAssignee(fixture.taskId(untouched), null);
        // The audit fixture: started by the engine, its check completed by officer as the authenticated assignee.
        String checked = fixture.start(businessKey);
        fixture.checkAsOfficer(checked, "ok");

        String base = "?businessKey=" + businessKey + "&actor=";
        assertThat(ids(owner(base + starter))).containsExactly(worked);
        assertThat(ids(owner(base + assignee))).containsExactly(worked);
        assertThat(ids(owner(base + completer))).containsExactly(worked);
        assertThat(ids(owner(base + "officer"))).containsExactly(checked);
        assertThat(ids(owner(base + bystander))).isEmpty();
        assertThat(owner(base + bystander).path("total").asLong()).isZero();
        assertThat(ids(owner("?actor=" + starter + "&startedBefore=2000-01-01T00:00:00Z"))).isEmpty();
        assertThat(ids(owner("?actor=" + starter + "&startedAfter=2000-01-01&state=completed")))
                .containsExactly(worked);
        assertThat(ids(owner("?actor=" + starter + "&processKey=" + AuditFixture.KEY))).isEmpty();

        // Over this test's instances, for every user the history names: the index and the history agree. (Not
        // over the whole shared database: the audit chain's tests alter history rows by hand to show that verify
        // sees it, and the index, written when the users acted, keeps who really acted.)
        List<String> instances = List.of(worked, untouched, checked);
        List<String> actors = jdbc.queryForList("""
                select start_user_id_ from act_hi_procinst where business_key_ = ? and start_user_id_ is not null
                union select o.user_id_ from act_hi_op_log o join act_hi_procinst p on p.id_ = o.proc_inst_id_
                      where p.business_key_ = ? and o.operation_type_ = 'Complete' and o.user_id_ is not null
                union select t.assignee_ from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_
                      where p.business_key_ = ? and t.delete_reason_ = 'completed' and t.assignee_ is not null""",
                String.class, businessKey, businessKey, businessKey);
        assertThat(actors).containsExactlyInAnyOrder(starter, assignee, completer, "officer");
        for (String actor : actors) {
            assertThat(jdbc.queryForList("select process_instance_id from quorum_audit_actor where actor = ?",
                    String.class, actor).stream().filter(instances::contains).toList())
                    .as(actor).containsExactlyInAnyOrderElementsOf(
                            jdbc.queryForList(FROM_HISTORY, String.class, actor, actor, actor).stream()
                                    .filter(instances::contains).toList());
        }
    }

    @Test
    void anActorsInstancesComeNewestFirstAcrossPages() throws Exception {
        String businessKey = "ACTOR-PAGES-" + UUID.randomUUID();
        String starter = "pager-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            startAs(starter, businessKey);
        }
        List<String> newestFirst = jdbc.queryForList("select id_ from act_hi_procinst where business_key_ = ? "
                + "order by start_time_ desc, id_", String.class, businessKey);

        JsonNode first = owner("?actor=" + starter + "&size=2");
        assertThat(first.path("total").asLong()).isEqualTo(5);
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(owner("?actor=" + starter + "&size=2&page=1")))
                .containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(owner("?actor=" + starter + "&size=2&page=2")))
                .containsExactlyElementsOf(newestFirst.subList(4, 5));
    }

    /** Starts the actor fixture as {@code user}; it is granted to no group, so the user acts as an administrator. */
    private String startAs(String user, String businessKey) {
        deployActorProcess();
        String[] id = new String[1];
        authenticated(user, () -> id[0] = runtime.startProcessInstanceByKey(ACTOR_PROCESS, businessKey).getId());
        return id[0];
    }

    private void authenticated(String user, Runnable action) {
        identity.setAuthentication(user, List.of(Groups.CAMUNDA_ADMIN));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A process of one task offered to the secretariat, deployed by this test; no variables, so no form. */
    private void deployActorProcess() {
        repository.createDeployment().name(ACTOR_PROCESS).enableDuplicateFiltering(true)
                .addModelInstance(ACTOR_PROCESS + ".bpmn", Bpmn.createExecutableProcess(ACTOR_PROCESS)
                        .camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_Work").name("Work").camundaCandidateGroups("secretariat")
                        .endEvent().done())
                .deploy();
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
