package org.quorum.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.quorum.positions.Incumbent;
import org.quorum.positions.Positions;
import org.quorum.support.EventsConsumer;
import org.quorum.support.QuorumIntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12's abuse table: each attempt is made by a named user through a public interface (Quorum's API, the
 * engine's REST API), must be refused with a 4xx problem, and must change nothing: same positions, filters,
 * authorizations and memberships, no new instance, no new history row or variable of the instances it aims
 * at, no new outbox row. At the end one read of Kafka, up to a sentinel instance started afterwards, shows
 * none of the refused work.
 */
@QuorumIntegrationTest
class DecisionIntegrityAbuseIT {

    private static final Logger log = LoggerFactory.getLogger(DecisionIntegrityAbuseIT.class);
    private static final String MEGABYTE = "x".repeat(1024 * 1024);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    Positions positions;
    @Autowired
    KafkaConnectionDetails kafka;

    record Attempt(String name, String user, HttpMethod method, String path, Object body, int status) {
    }

    @Test
    void everyAttemptToGoAroundTheModelsIsRefusedAndChangesNothing() {
        String positionInstance = runtime.startProcessInstanceByKey("positions-fixture").getId();
        try {
            attemptEverything(positionInstance);
        } finally {
            // Other tests count the DSG position's open tasks.
            if (runtime.createProcessInstanceQuery().processInstanceId(positionInstance).count() > 0) {
                runtime.deleteProcessInstance(positionInstance, "abuse test ended");
            }
        }
    }

    private void attemptEverything(String positionInstance) {
        String request = post("officer", "/api/endorsement-requests", with(validRequest(), "facilityType", "OTHER"))
                .path("processInstanceId").asText();
        String check = taskOf(request, "Task_CheckCompleteness");
        String item = post("officer", "/api/commission-items",
                Map.of("itemType", "SG_PRIORITY", "itemTitle", "Integrity test item")).path("processInstanceId")
                .asText();
        String draft = taskOf(item, "Task_DraftWorkingPaper");
        String positionTask = taskOf(positionInstance, "Task_ApproveAsDeputy");
        Incumbent deputy = positions.incumbent("DSG", Instant.now()).orElseThrow();
        String notDeputy = deputy.userId().equals("sg") ? "dsg" : "sg";
        String myTasks = filters.createFilterQuery().filterName("My tasks").singleResult().getId();
        String actingFilter = actingForFilter();
        Set<String> targets = Set.of(request, item, positionInstance);
        String now = Instant.now().toString();
        String engineNow = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date());
        String past = "2001-01-01T00:00:00Z";

        Map<String, Object> interimAttack = Map.of("businessKey", "SG", "variables", Map.of(
                "postId", value("SG"), "interimHolder", value("DSG"),
                "vacancyDate", Map.of("value", engineNow, "type", "Date"),
                "interimEffectiveDate", Map.of("value", engineNow, "type", "Date"),
                "outgoingHolder", value("x")),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_StartInterim")));
        String expression = "${identityService.createMembership(\"officer\",\"camunda-admin\") == null ? \"sg\" : \"sg\"}";

        List<Attempt> attempts = List.of(
                // Starting anywhere but at a start event
                new Attempt("start-instruction attack on the interim (issue 12)", "officer", HttpMethod.POST,
                        "/engine-rest/process-definition/key/interim-role-assignment/start", interimAttack, 403),
                new Attempt("start-instruction attack by the SG office, which may start vacancies", "sg",
                        HttpMethod.POST, "/engine-rest/process-definition/key/interim-role-assignment/start",
                        interimAttack, 403),
                new Attempt("start an endorsement at the delegates' decision", "officer", HttpMethod.POST,
                        "/engine-rest/process-definition/key/regional-endorsement/start", startBefore(
                                "Task_RecordDelegatesDecision", Map.of("delegatesDecision", value("ENDORSE"))), 403),
                new Attempt("publish a Council decision that no Council member took", "officer", HttpMethod.POST,
                        "/engine-rest/process-definition/key/policy-commission-review/start", startBefore(
                                "Task_PublishDecision", Map.of("councilDecision", value("APPROVED"))), 403),
                new Attempt("start a conference at the report's publication", "officer", HttpMethod.POST,
                        "/engine-rest/process-definition/key/conference-preparation/start",
                        startBefore("Task_DraftReport", Map.of()), 403),
                new Attempt("start after an activity, skipping listeners and mappings", "sg", HttpMethod.POST,
                        "/engine-rest/process-definition/key/policy-commission-review/start", Map.of(
                                "skipCustomListeners", true, "skipIoMappings", true, "startInstructions",
                                List.of(Map.of("type", "startAfterActivity", "activityId", "Task_DecideOnRecommendation"))),
                        403),
                new Attempt("move a request to the delegates' decision", "officer", HttpMethod.POST,
                        "/engine-rest/process-instance/" + request + "/modification", Map.of("instructions",
                                List.of(Map.of("type", "startBeforeActivity",
                                        "activityId", "Task_RecordDelegatesDecision"))), 403),
                new Attempt("modify instances in a batch", "officer", HttpMethod.POST,
                        "/engine-rest/modification/executeAsync", Map.of("processDefinitionId",
                                definitionId("regional-endorsement"), "processInstanceIds", List.of(request),
                                "instructions", List.of(Map.of("type", "cancel", "activityId",
                                        "Task_CheckCompleteness"))), 403),
                new Attempt("restart a request at its end", "officer", HttpMethod.POST,
                        "/engine-rest/process-definition/" + definitionId("regional-endorsement") + "/restart",
                        Map.of("processInstanceIds", List.of(request), "instructions", List.of(Map.of(
                                "type", "startBeforeActivity", "activityId", "Task_RecordDelegatesDecision"))), 403),
                new Attempt("migrate a request", "officer", HttpMethod.POST, "/engine-rest/migration/execute",
                        Map.of("migrationPlan", Map.of("sourceProcessDefinitionId", definitionId("regional-endorsement"),
                                "targetProcessDefinitionId", definitionId("regional-endorsement"),
                                "instructions", List.of()), "processInstanceIds", List.of(request)), 403),
                new Attempt("elect a successor by message", "officer", HttpMethod.POST, "/engine-rest/message",
                        Map.of("messageName", "SuccessorElected", "businessKey", "DSG", "processVariables",
                                Map.of("successorUserId", value("officer"))), 403),
                new Attempt("a BPMN error thrown from the check", "officer", HttpMethod.POST,
                        "/engine-rest/task/" + check + "/bpmnError", Map.of("errorCode", "NO_QUORUM",
                                "variables", Map.of("checkResult", value("COMPLETE"))), 403),
                new Attempt("a message delivered to an execution's subscription", "officer", HttpMethod.POST,
                        "/engine-rest/execution/" + request + "/messageSubscriptions/SuccessorElected/trigger",
                        Map.of("variables", Map.of("successorUserId", value("officer"))), 403),
                new Attempt("throw a signal", "officer", HttpMethod.POST, "/engine-rest/signal",
                        Map.of("name", "anything"), 403),
                new Attempt("fire a job before its time", "officer", HttpMethod.POST,
                        "/engine-rest/job/" + request + "/execute", null, 403),
                new Attempt("move a timer's due date", "officer", HttpMethod.PUT,
                        "/engine-rest/job/" + request + "/duedate", Map.of("duedate", engineNow), 403),
                // Start rights per process
                new Attempt("a Vice-Chair starts an endorsement", "vicechair", HttpMethod.POST,
                        "/engine-rest/process-definition/key/regional-endorsement/start", Map.of(), 403),
                new Attempt("the Council refers an item to the Commission", "council", HttpMethod.POST,
                        "/api/commission-items", Map.of("itemType", "SG_PRIORITY", "itemTitle", "x"), 403),
                new Attempt("an officer reports a vacancy", "officer", HttpMethod.POST, "/api/vacancies",
                        Map.of("postId", "DSG", "outgoingHolder", "dsg", "vacancyDate", now), 403),
                new Attempt("the DSG office reports a vacancy", "dsg", HttpMethod.POST, "/api/vacancies",
                        Map.of("postId", "DSG", "outgoingHolder", "dsg", "vacancyDate", now), 403),
                // Completion bound to the task's form
                new Attempt("eligibility table's result overridden at completion", "officer", HttpMethod.POST,
                        "/engine-rest/task/" + check + "/complete", Map.of("variables", Map.of(
                                "checkResult", value("COMPLETE"), "facilityEligible", value(true))), 400),
                new Attempt("unknown option of the check", "officer", HttpMethod.POST,
                        "/engine-rest/task/" + check + "/submit-form", Map.of("variables", Map.of(
                                "checkResult", value("WAVED_THROUGH"))), 400),
                new Attempt("a read-only field sent back changed", "officer", HttpMethod.POST,
                        "/engine-rest/task/" + check + "/submit-form", Map.of("variables", Map.of(
                                "checkResult", value("COMPLETE"), "requestingAdministration", value("Elsewhere"))),
                        400),
                new Attempt("a choice of the wrong type", "officer", HttpMethod.POST,
                        "/engine-rest/task/" + check + "/complete", Map.of("variables", Map.of(
                                "checkResult", Map.of("value", 5, "type", "Integer"))), 400),
                new Attempt("a required field missing", "officer", HttpMethod.POST,
                        "/engine-rest/task/" + check + "/complete", Map.of("variables", Map.of()), 400),
                new Attempt("a field of 1 MB", "officer", HttpMethod.POST,
                        "/engine-rest/task/" + draft + "/complete", Map.of("variables", Map.of(
                                "workingPaperReference", value(MEGABYTE))), 400),
                new Attempt("actingFor sent with a completion", "officer", HttpMethod.POST,
                        "/engine-rest/task/" + check + "/complete", Map.of("variables", Map.of(
                                "checkResult", value("COMPLETE"), "actingFor", value("SG"))), 400),
                // Variables outside a form
                new Attempt("a process variable written directly", "officer", HttpMethod.PUT,
                        "/engine-rest/process-instance/" + request + "/variables/facilityEligible",
                        value(true), 403),
                new Attempt("task variables written directly", "officer", HttpMethod.POST,
                        "/engine-rest/task/" + check + "/variables", Map.of("modifications",
                                Map.of("checkResult", value("COMPLETE"))), 403),
                new Attempt("a task variable written directly", "officer", HttpMethod.PUT,
                        "/engine-rest/task/" + check + "/variables/eligible", value(true), 403),
                new Attempt("an execution's local variable written", "officer", HttpMethod.POST,
                        "/engine-rest/execution/" + request + "/localVariables", Map.of("modifications",
                                Map.of("outcome", value("endorsed"))), 403),
                new Attempt("a process variable deleted", "officer", HttpMethod.DELETE,
                        "/engine-rest/process-instance/" + request + "/variables/region", null, 403),
                new Attempt("actingFor written on a position's task by an administrator", "demo", HttpMethod.PUT,
                        "/engine-rest/task/" + positionTask + "/localVariables/actingFor", value("DSG"), 403),
                new Attempt("a position's marker removed by an administrator", "demo", HttpMethod.DELETE,
                        "/engine-rest/task/" + positionTask + "/localVariables/position", null, 403),
                // Acting for a position is for its incumbent only
                new Attempt("a position's task completed by someone else of its office", notDeputy,
                        HttpMethod.POST, "/engine-rest/task/" + positionTask + "/complete", Map.of(), 403),
                new Attempt("a position's task completed by an administrator", "demo", HttpMethod.POST,
                        "/engine-rest/task/" + positionTask + "/complete", Map.of(), 403),
                new Attempt("a position's task completed by an officer", "officer", HttpMethod.POST,
                        "/engine-rest/task/" + positionTask + "/complete", Map.of(), 403),
                // No code from user input
                new Attempt("the interim holder's filter changed to call a bean (issue 12)", "sg", HttpMethod.PUT,
                        "/engine-rest/filter/" + actingFilter, Map.of("resourceType", "Task", "name", "Acting for DSG",
                                "query", Map.of("assigneeExpression", expression)), 403),
                new Attempt("a filter created", "officer", HttpMethod.POST, "/engine-rest/filter/create",
                        Map.of("resourceType", "Task", "name", "Mine", "query",
                                Map.of("assigneeExpression", expression)), 403),
                new Attempt("a shared filter changed", "officer", HttpMethod.PUT, "/engine-rest/filter/" + myTasks,
                        Map.of("resourceType", "Task", "name", "My tasks", "query",
                                Map.of("assigneeExpression", expression)), 403),
                new Attempt("a shared filter deleted", "officer", HttpMethod.DELETE,
                        "/engine-rest/filter/" + myTasks, null, 403),
                new Attempt("an expression in a filter's extending query", "officer", HttpMethod.POST,
                        "/engine-rest/filter/" + myTasks + "/list?firstResult=0&maxResults=10",
                        Map.of("assigneeExpression", expression), 400),
                new Attempt("an expression in an ad-hoc task query", "officer", HttpMethod.POST,
                        "/engine-rest/task?firstResult=0&maxResults=10", Map.of("assigneeExpression", expression),
                        400),
                // Quorum's API: anonymous and wrong users
                new Attempt("anonymous starts a request", null, HttpMethod.POST, "/api/endorsement-requests",
                        validRequest(), 401),
                new Attempt("anonymous reads positions", null, HttpMethod.GET, "/api/positions", null, 401),
                new Attempt("wrong password (Camunda then delays this user's next login)", "commission:wrong", HttpMethod.POST, "/api/conferences",
                        Map.of("conferenceTitle", "x", "region", "EUROPE", "hostAdministration", "x"), 401),
                new Attempt("unknown user", "nobody", HttpMethod.GET, "/api/positions/SG", null, 401),
                new Attempt("anonymous reads the audit", null, HttpMethod.GET, "/api/audit/process-instances",
                        null, 401),
                new Attempt("anonymous replays the seed", null, HttpMethod.POST, "/api/demo/replays/seed-2017",
                        null, 401),
                new Attempt("an officer replays the seed", "officer", HttpMethod.POST,
                        "/api/demo/replays/seed-2017", null, 403),
                new Attempt("an officer reads the audit of a request", "officer", HttpMethod.GET,
                        "/api/audit/process-instances/" + request, null, 403),
                new Attempt("an officer creates a position", "officer", HttpMethod.POST, "/api/positions",
                        Map.of("code", "USURPER", "title", "x", "officeGroup", "secretariat"), 403),
                new Attempt("an officer appoints themselves SG", "officer", HttpMethod.POST,
                        "/api/positions/SG/holdings", Map.of("kind", "INTERIM", "userId", "officer",
                                "startsAt", now), 403),
                new Attempt("the SG ends their own interim", "sg", HttpMethod.POST, "/api/positions/DSG/interim/end",
                        Map.of("endsAt", now), 403),
                // Bad input
                new Attempt("malformed JSON", "officer", HttpMethod.POST, "/api/endorsement-requests",
                        "{\"requestingAdministration\": ", 400),
                new Attempt("unknown region", "officer", HttpMethod.POST, "/api/endorsement-requests",
                        with(validRequest(), "region", "ATLANTIS"), 400),
                new Attempt("unknown facility type", "officer", HttpMethod.POST, "/api/endorsement-requests",
                        with(validRequest(), "facilityType", "SPACEPORT"), 400),
                new Attempt("a 1 MB summary", "officer", HttpMethod.POST, "/api/endorsement-requests",
                        with(validRequest(), "requestSummary", MEGABYTE), 400),
                new Attempt("control characters in a name", "officer", HttpMethod.POST, "/api/endorsement-requests",
                        with(validRequest(), "requestingAdministration", "Mex\u0000ico\u001b[2J"), 400),
                new Attempt("a wrong type", "officer", HttpMethod.POST, "/api/commission-items",
                        Map.of("itemType", List.of("SG_PRIORITY"), "itemTitle", 42), 400),
                new Attempt("a conference in the past", "officer", HttpMethod.POST, "/api/conferences",
                        Map.of("conferenceTitle", "x", "region", "EUROPE", "hostAdministration", "x",
                                "conferenceStartDate", past), 400),
                new Attempt("an impossible date", "officer", HttpMethod.POST, "/api/conferences",
                        Map.of("conferenceTitle", "x", "region", "EUROPE", "hostAdministration", "x",
                                "conferenceStartDate", "2031-02-30T09:00:00Z"), 400),
                new Attempt("a vacancy of an unknown position", "sg", HttpMethod.POST, "/api/vacancies",
                        Map.of("postId", "NO_SUCH_POST", "outgoingHolder", "x", "vacancyDate", now), 400),
                new Attempt("an unknown user appointed", "demo", HttpMethod.POST, "/api/positions/SG/holdings",
                        Map.of("kind", "INTERIM", "userId", "ghost", "startsAt", now), 400),
                new Attempt("a holding of an unknown position", "demo", HttpMethod.POST,
                        "/api/positions/NO_SUCH_POST/holdings", Map.of("kind", "INTERIM", "userId", "sg",
                                "startsAt", now), 404),
                new Attempt("an unknown holding ended", "demo", HttpMethod.POST,
                        "/api/positions/SG/holdings/987654321/end", Map.of("endsAt", now), 404),
                // Unknown ids and other users' tasks
                new Attempt("an unknown task completed", "officer", HttpMethod.POST,
                        "/engine-rest/task/no-such-task/complete", Map.of(), 404),
                new Attempt("another office's task claimed", "vicechair", HttpMethod.POST,
                        "/engine-rest/task/" + draft + "/claim", Map.of("userId", "vicechair"), 403),
                new Attempt("another office's task completed", "council", HttpMethod.POST,
                        "/engine-rest/task/" + draft + "/complete", Map.of("variables", Map.of()), 403));

        assertThat(attempts).hasSizeGreaterThanOrEqualTo(40);
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder("\n| # | attempt | user | call | answer |\n|---|---|---|---|---|\n");
        int number = 0;
        for (Attempt attempt : attempts) {
            number++;
            Map<String, Object> before = snapshot(targets);
            ResponseEntity<String> answer = call(attempt);
            Map<String, Object> after = snapshot(targets);
            String contentType = String.valueOf(answer.getHeaders().getContentType());
            table.append("| %d | %s | %s | %s %s | %d %s |\n".formatted(number, attempt.name(), attempt.user(),
                    attempt.method(), attempt.path().replace(MEGABYTE, "<1 MB>"), answer.getStatusCode().value(),
                    contentType));
            if (answer.getStatusCode().value() != attempt.status()) {
                failures.add("%s: expected %d, got %d %s".formatted(attempt.name(), attempt.status(),
                        answer.getStatusCode().value(), abbreviate(answer.getBody())));
            }
            if (!contentType.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
                failures.add("%s: answered %s, not a problem".formatted(attempt.name(), contentType));
            }
            if (answer.getBody() != null && answer.getBody().matches("(?s).*(Exception|\\bat org\\.|SQL|PSQL).*")
                    && !answer.getBody().contains("\"type\":\"")) {
                failures.add("%s: the answer shows internals: %s".formatted(attempt.name(),
                        abbreviate(answer.getBody())));
            }
            if (!before.equals(after)) {
                failures.add("%s: changed %s".formatted(attempt.name(), difference(before, after)));
            }
        }
        log.info("Abuse table ({} attempts):{}", attempts.size(), table);
        assertThat(failures).as("refusals that were not clean").isEmpty();
        assertNothingPublishedFor(targets);

        ResponseEntity<String> byIncumbent = call(new Attempt("the position's incumbent completes its task",
                deputy.userId(), HttpMethod.POST, "/engine-rest/task/" + positionTask + "/complete", Map.of(), 204));
        assertThat(byIncumbent.getStatusCode().value()).as("the incumbent may: %s", byIncumbent.getBody())
                .isEqualTo(204);
    }

    /** A sentinel instance started after the attempts: once its first event is on Kafka, so is anything before. */
    private void assertNothingPublishedFor(Set<String> targets) {
        Map<String, Long> outboxBefore = outboxCounts(targets);
        String sentinel = startRequest();
        try (EventsConsumer consumer = new EventsConsumer(String.join(",", kafka.getBootstrapServers()),
                "quorum.process-events", "quorum.decision-events")) {
            consumer.awaitKey(sentinel, records -> EventsConsumer.hasType(records, "quorum.process.started.v1")
                    || !records.isEmpty(), Duration.ofSeconds(60));
            List<ConsumerRecord<String, CloudEvent>> all = consumer.drain();
            Map<String, Long> published = all.stream().filter(r -> targets.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(published).as("events on Kafka of the targeted instances: exactly those of their setup")
                    .isEqualTo(outboxBefore);
        }
    }

    private Map<String, Long> outboxCounts(Set<String> targets) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String target : targets) {
            // the topics read from Kafka below; the state topic's rows share the key and are not read there
            counts.put(target, jdbc.queryForObject("select count(*) from quorum_event_outbox where record_key = ? "
                    + "and topic in ('quorum.process-events', 'quorum.decision-events')", Long.class, target));
        }
        counts.values().removeIf(c -> c == 0);
        return counts;
    }

    private Map<String, Object> snapshot(Set<String> targets) {
        String[] ids = targets.toArray(String[]::new);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("positions", rows("select code, title, office_group from quorum_position order by code"));
        state.put("holdings", rows("select id, position_code, kind, user_id, starts_at, ends_at "
                + "from quorum_position_holding order by id"));
        state.put("instances", count("select count(*) from act_hi_procinst"));
        state.put("filters", rows("select id_, name_, owner_, query_ from act_ru_filter order by id_"));
        state.put("authorizations", rows("select id_, type_, group_id_, user_id_, resource_type_, resource_id_, "
                + "perms_ from act_ru_authorization order by id_"));
        state.put("memberships", rows("select user_id_, group_id_ from act_id_membership order by 1, 2"));
        state.put("operation log", count("select count(*) from act_hi_op_log"));
        state.put("outbox", count("select count(*) from quorum_event_outbox"));
        for (String table : List.of("act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
                "act_hi_identitylink", "act_hi_comment")) {
            String column = table.equals("act_hi_identitylink") || table.equals("act_hi_comment")
                    ? "root_proc_inst_id_" : "proc_inst_id_";
            state.put(table, jdbc.queryForObject("select count(*) from " + table + " where " + column
                    + " = any(?)", Long.class, (Object) ids));
        }
        state.put("variables", jdbc.queryForList("select name_, type_, text_, long_, double_ from act_ru_variable "
                + "where proc_inst_id_ = any(?) order by id_", (Object) ids).toString());
        state.put("tasks", jdbc.queryForList("select id_, task_def_key_, assignee_ from act_ru_task "
                + "where proc_inst_id_ = any(?) order by id_", (Object) ids).toString());
        state.put("executions", jdbc.queryForList("select id_, act_id_, is_active_ from act_ru_execution "
                + "where proc_inst_id_ = any(?) order by id_", (Object) ids).toString());
        return state;
    }

    private String rows(String sql) {
        return jdbc.queryForList(sql).toString();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static String difference(Map<String, Object> before, Map<String, Object> after) {
        return before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k)))
                .map(k -> k + ": " + abbreviate(String.valueOf(before.get(k))) + " -> "
                        + abbreviate(String.valueOf(after.get(k))))
                .collect(Collectors.joining("; "));
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private ResponseEntity<String> call(Attempt attempt) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (attempt.user() != null) {
            String[] credentials = attempt.user().split(":");
            headers.setBasicAuth(credentials[0], credentials.length > 1 ? credentials[1] : credentials[0]);
        }
        Object body = attempt.body();
        return http.exchange(attempt.path(), attempt.method(), new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, user);
        ResponseEntity<JsonNode> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", user, path, response.getBody())
                .isTrue();
        return response.getBody();
    }

    private String startRequest() {
        return post("officer", "/api/endorsement-requests", validRequest()).path("processInstanceId").asText();
    }

    private static Map<String, Object> validRequest() {
        return Map.of("requestingAdministration", "Mexico", "facilityType", "REGIONAL_CUSTOMS_LABORATORY",
                "region", "AMERICAS_CARIBBEAN", "requestSummary", "Recognition of the customs laboratory");
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private static Map<String, Object> startBefore(String activityId, Map<String, Object> variables) {
        return Map.of("variables", variables, "startInstructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", activityId)));
    }

    private String taskOf(String processInstanceId, String taskKey) {
        Supplier<Task> task = () -> tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task.get()).as("%s waits at %s", processInstanceId, taskKey).isNotNull();
        return task.get().getId();
    }

    private String definitionId(String key) {
        return jdbc.queryForObject("select id_ from act_re_procdef where key_ = ? order by version_ desc limit 1",
                String.class, key);
    }

    /** The interim holder's "Acting for DSG" filter, created by appointing the SG interim holder of a post. */
    private String actingForFilter() {
        String code = "INTEGRITY_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        post("demo", "/api/positions", Map.of("code", code, "title", "Integrity test post",
                "officeGroup", "dsg-office"));
        post("demo", "/api/positions/" + code + "/holdings", Map.of("kind", "INTERIM", "userId", "sg",
                "startsAt", "2020-01-01T00:00:00Z"));
        return filters.createFilterQuery().filterName("Acting for " + code).singleResult().getId();
    }
}
