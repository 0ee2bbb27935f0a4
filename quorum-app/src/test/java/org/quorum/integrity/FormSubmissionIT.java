package org.quorum.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.quorum.commission.CommissionReviews;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A task is completed with its form's fields and nothing else, checked on the server whatever the client: through
 * Camunda's REST API each refusal is a 400 problem naming the offending variable, and nothing changes (no history
 * row, no outbox row, the task still open); what the form allows goes through.
 */
@QuorumIntegrationTest
class FormSubmissionIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEligibilityOverrideAtTheCompletenessCheckIsRefusedAndChangesNothing() {
        String request = endorsementRequest("REQ-FORM-ELIGIBLE");
        String check = claimed("officer", request, "Task_CheckCompleteness");
        Footprint before = footprint(request);

        ResponseEntity<JsonNode> refused = call("officer", HttpMethod.POST, "/engine-rest/task/" + check + "/complete",
                variables(Map.of("checkResult", "COMPLETE", "eligible", true)));

        assertRefused(refused, "eligible");
        assertThat(refused.getBody().path("message").asText()).contains("eligible", "check-request");
        assertThat(footprint(request)).as("no history row, no outbox row").isEqualTo(before);
        assertThat(tasks.createTaskQuery().taskId(check).count()).as("the check is still open").isOne();
        assertThat(runtime.getVariables(request)).doesNotContainKeys("eligible", "checkResult");
    }

    @Test
    void aReadOnlyFieldSentBackWithAnotherValueIsRefusedAndUnchangedItIsAccepted() {
        String request = endorsementRequest("REQ-FORM-READONLY");
        String check = claimed("officer", request, "Task_CheckCompleteness");
        Map<String, Object> asTheFormShowsIt = new LinkedHashMap<>(Map.of(
                "requestingAdministration", "Canada", "facilityType", "REGIONAL_DOG_TRAINING_CENTRE",
                "region", "AMERICAS_CARIBBEAN", "facilityEligible", runtime.getVariable(request, "facilityEligible"),
                "checkResult", "COMPLETE", "missingItems", ""));
        Footprint before = footprint(request);

        Map<String, Object> otherFacility = new LinkedHashMap<>(asTheFormShowsIt);
        otherFacility.put("facilityType", "REGIONAL_CUSTOMS_LABORATORY");
        assertRefused(call("officer", HttpMethod.POST, "/engine-rest/task/" + check + "/submit-form",
                variables(otherFacility)), "facilityType");
        assertThat(footprint(request)).isEqualTo(before);
        assertThat(runtime.getVariable(request, "facilityType")).isEqualTo("REGIONAL_DOG_TRAINING_CENTRE");

        assertThat(call("officer", HttpMethod.POST, "/engine-rest/task/" + check + "/submit-form",
                variables(asTheFormShowsIt)).getStatusCode()).as("the form as form-js sends it")
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().processInstanceId(request).taskDefinitionKey("Task_PlaceOnAgenda")
                .count()).isOne();
        assertThat(footprint(request)).isNotEqualTo(before);
    }

    @Test
    void aCouncilDecisionWithAnOptionTheFormDoesNotOfferIsRefused() {
        ProcessInstance review = runtime.startProcessInstanceByKey("policy-commission-review", "PC-FORM-VETO",
                Map.of("itemType", "SG_PRIORITY", "itemTitle", "Revised Kyoto Convention"));
        // Driven without a signed-in user, as the engine's own work: unchecked. The shared application's job
        // executor runs the async steps, so each task is awaited rather than its job executed here.
        completeWhenReady(review, "Task_DraftWorkingPaper", Map.of("workingPaperReference", "PC0123E1",
                "workingPaperSummary", "Working paper for the Commission"));
        completeWhenReady(review, "Task_ClearWorkingPaper", Map.of("paperCleared", true));
        completeWhenReady(review, "Task_ScheduleSession", Map.of("sessionReference", "81st/82nd session",
                "sessionDate", "2031-12-04T09:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                .processInstanceId(review.getId()).activityId("Timer_SessionDate").count() == 1);
        management.executeJob(management.createJobQuery().processInstanceId(review.getId())
                .activityId("Timer_SessionDate").singleResult().getId());
        completeWhenReady(review, "Task_RecordCommissionVote", CommissionReviews.votes("ADOPT", 30, 25, 18, 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceId(review.getId())
                .taskDefinitionKey("Task_DecideOnRecommendation").count() == 1);
        String decision = claimed("council", review.getId(), "Task_DecideOnRecommendation");
        Footprint before = footprint(review.getId());

        ResponseEntity<JsonNode> refused = call("council", HttpMethod.POST,
                "/engine-rest/task/" + decision + "/submit-form",
                variables(Map.of("councilDecision", "VETOED", "councilSession", "Council, June 2032")));

        assertRefused(refused, "councilDecision");
        assertThat(refused.getBody().path("errors").get(0).path("message").asText())
                .isEqualTo("must be one of APPROVED, APPROVED_AS_AMENDED, REJECTED");
        assertThat(footprint(review.getId())).isEqualTo(before);
        assertThat(tasks.createTaskQuery().taskId(decision).count()).isOne();
    }

    @Test
    void tasklistsSubmitFormIsCheckedTooAndItsMessageNamesTheVariable() throws Exception {
        String request = endorsementRequest("REQ-FORM-TASKLIST");
        String check = claimed("officer", request, "Task_CheckCompleteness");
        Footprint before = footprint(request);
        Tasklist tasklist = Tasklist.signIn(port, "officer");
        boolean overridden = !(Boolean) runtime.getVariable(request, "facilityEligible");

        HttpResponse<String> refused = tasklist.post("/camunda/api/engine/engine/default/task/" + check
                + "/submit-form", "{\"variables\":{\"checkResult\":{\"value\":\"COMPLETE\"},"
                + "\"facilityEligible\":{\"value\":" + overridden + ",\"type\":\"Boolean\"}}}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("message").asText()).as("what Tasklist shows").contains("facilityEligible");
        assertThat(problem.path("errors").findValuesAsText("variable")).containsExactly("facilityEligible");
        assertThat(footprint(request)).isEqualTo(before);

        assertThat(tasklist.post("/camunda/api/engine/engine/default/task/" + check + "/submit-form",
                "{\"variables\":{\"checkResult\":{\"value\":\"COMPLETE\"}}}").statusCode()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(check).count()).isZero();
    }

    /** Tasklist's own API as the browser uses it: a webapp session and Camunda's CSRF token. */
    private record Tasklist(HttpClient client, String base, String csrf) {

        static Tasklist signIn(int port, String user) throws Exception {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String base = "http://localhost:" + port;
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
            String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base
                            + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("Tasklist sign-in: %s", login.body()).isEqualTo(200);
            // Signing in starts a new session and with it a new token, handed out on the next read.
            HttpResponse<String> engines = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/camunda/api/engine/engine")).build(), HttpResponse.BodyHandlers.ofString());
            return new Tasklist(client, base, engines.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrf)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aStartThroughRestWithAVariableTheStartFormDoesNotHaveIsRefusedNotA500() {
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("regional-endorsement").count();
        long events = jdbc.queryForObject("select count(*) from quorum_event_outbox", Long.class);

        ResponseEntity<JsonNode> refused = call("officer", HttpMethod.POST,
                "/engine-rest/process-definition/key/regional-endorsement/start", Map.of("businessKey",
                        "REQ-FORM-START", "variables", Map.of(
                                "requestingAdministration", Map.of("value", "Peru"),
                                "facilityType", Map.of("value", "OTHER"),
                                "region", Map.of("value", "AMERICAS_CARIBBEAN"),
                                "requestSummary", Map.of("value", "Recognition"),
                                "facilityEligible", Map.of("value", true))));

        assertRefused(refused, "facilityEligible");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("regional-endorsement").count())
                .isEqualTo(instances);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ?", Long.class,
                "REQ-FORM-START")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox", Long.class)).isEqualTo(events);
    }

    @Test
    void quorumsApiStartIsCheckedAgainstTheStartFormToo() {
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("regional-endorsement").count();
        long events = jdbc.queryForObject("select count(*) from quorum_event_outbox", Long.class);

        ResponseEntity<JsonNode> refused = call("officer", HttpMethod.POST, "/api/endorsement-requests", Map.of(
                "requestingAdministration", "Canada\u0007", "facilityType", "OTHER",
                "region", "AMERICAS_CARIBBEAN", "requestSummary", "Recognition"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(refused.getBody().path("errors").findValuesAsText("field"))
                .containsExactly("requestingAdministration");
        assertThat(refused.getBody().path("errors").get(0).path("message").asText()).contains("control characters");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("regional-endorsement").count())
                .isEqualTo(instances);
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox", Long.class)).isEqualTo(events);
    }

    @Test
    void onlyTopLevelCommandsOfASignedInUserAreChecked() {
        Map<String, Object> notTheForm = Map.of("requestingAdministration", "Peru", "facilityType", "OTHER",
                "region", "AMERICAS_CARIBBEAN", "requestSummary", "Recognition", "priority", "HIGH");
        String nested;
        identity.setAuthentication("officer", List.of("secretariat"));
        try {
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("regional-endorsement", notTheForm))
                    .isInstanceOf(FormSubmissionRejected.class).hasMessageContaining("priority");
            nested = engine.getCommandExecutorTxRequired().execute(context ->
                    runtime.startProcessInstanceByKey("regional-endorsement", notTheForm).getId());
        } finally {
            identity.clearAuthentication();
        }
        assertThat(runtime.getVariable(nested, "priority")).as("a command inside a command is the engine's own")
                .isEqualTo("HIGH");
        String unauthenticated = runtime.startProcessInstanceByKey("regional-endorsement", notTheForm).getId();
        assertThat(runtime.getVariable(unauthenticated, "priority")).as("no signed-in user: engine work")
                .isEqualTo("HIGH");
    }

    @Test
    void otherRestErrorsAreProblemDetailsThatKeepCamundasTypeAndMessage() {
        ResponseEntity<JsonNode> missing = call("officer", HttpMethod.GET, "/engine-rest/task/no-such-task", null);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(missing.getBody().path("status").asInt()).isEqualTo(404);
        assertThat(missing.getBody().path("type").asText()).isNotBlank();
        assertThat(missing.getBody().path("message").asText()).contains("no-such-task");
        assertThat(missing.getBody().path("detail").asText()).isEqualTo(missing.getBody().path("message").asText());
    }

    @Test
    void aServerErrorShowsNoExceptionTextOnlyAnIdThatIsLogged() {
        String id = runtime.startProcessInstanceByKey("events-fixture", Map.of("fail", true)).getId();
        String task = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();

        ResponseEntity<JsonNode> failed = call("officer", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                Map.of());

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(failed.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(failed.getBody().toString()).as("the delegate's exception stays in the log")
                .doesNotContain("failing on purpose").doesNotContain("Exception");
        assertThat(failed.getBody().path("errorId").asText()).isNotBlank();
        assertThat(failed.getBody().path("message").asText()).contains(failed.getBody().path("errorId").asText());
        assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();
    }

    private void completeWhenReady(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceId(instance.getId()).taskDefinitionKey(taskKey).count() == 1);
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult().getId(), variables);
    }

    private void assertRefused(ResponseEntity<JsonNode> response, String variable) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = response.getBody();
        assertThat(problem.path("type").asText()).isEqualTo("FormSubmissionRejected");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("message").asText()).contains(variable);
        assertThat(problem.path("errors").findValuesAsText("variable")).containsExactly(variable);
    }

    private String endorsementRequest(String reference) {
        return call("officer", HttpMethod.POST, "/api/endorsement-requests", Map.of(
                "requestingAdministration", "Canada", "facilityType", "REGIONAL_DOG_TRAINING_CENTRE",
                "region", "AMERICAS_CARIBBEAN", "requestSummary", "Recognition of the dog training centre",
                "reference", reference)).getBody().path("processInstanceId").asText();
    }

    private String claimed(String user, String processInstanceId, String taskKey) {
        String id = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult().getId();
        assertThat(call(user, HttpMethod.POST, "/engine-rest/task/" + id + "/claim", Map.of("userId", user))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        return id;
    }

    /** What a change to an instance would leave behind: history rows of every kind, and outbox rows. */
    record Footprint(List<Long> rows) {
    }

    private Footprint footprint(String processInstanceId) {
        return new Footprint(List.of(
                count("select count(*) from act_hi_actinst where proc_inst_id_ = ?", processInstanceId),
                count("select count(*) from act_hi_taskinst where proc_inst_id_ = ? and end_time_ is not null",
                        processInstanceId),
                count("select count(*) from act_hi_varinst where proc_inst_id_ = ?", processInstanceId),
                count("select count(*) from act_hi_detail where proc_inst_id_ = ?", processInstanceId),
                count("select count(*) from act_hi_op_log where proc_inst_id_ = ?", processInstanceId),
                count("select count(*) from quorum_event_outbox where root_process_instance_id = ?",
                        processInstanceId)));
    }

    private long count(String sql, String processInstanceId) {
        return jdbc.queryForObject(sql, Long.class, processInstanceId);
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return Map.of("variables", typed);
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
