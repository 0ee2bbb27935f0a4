package org.quorum.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quorum.positions.Holding;
import org.quorum.positions.HoldingKind;
import org.quorum.positions.Position;
import org.quorum.positions.Positions;
import org.quorum.support.OwnApplication;
import org.quorum.support.SmtpServer;
import org.quorum.support.SmtpServer.Received;
import org.quorum.support.StandaloneQuorum;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The notifier end to end, on its own node (its clock is moved) with real PostgreSQL, a real Kafka broker and a
 * real SMTP server that refuses one mailbox: task mail to each group member once, also after the consumer read the
 * topic again from the start; an interim holder's mail says for whom they act; a refused mail is retried, recorded
 * as failed, and the mails after it still go out; reminders, overdue notices (to the head of the office too) and
 * the daily digest each once, at the moment the engine clock says.
 */
@OwnApplication
class NotifierIT {

    static final String REFUSED = "refused-clerk@quorum.example";
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    static Path dataDir;
    static SmtpServer smtp;
    static ConfigurableApplicationContext app;
    static JdbcTemplate jdbc;
    static TaskService tasks;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("quorum-notifier-it");
        smtp = new SmtpServer(Set.of(REFUSED));
        app = StandaloneQuorum.startDemo(dataDir,
                "quorum.demo-mail.enabled=false",
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.port(),
                "quorum.notifications.tick=PT0.3S",
                "quorum.notifications.retry.max-attempts=3",
                "quorum.notifications.retry.backoff=PT0.2S",
                "quorum.notifications.retry.multiplier=1");
        jdbc = app.getBean(JdbcTemplate.class);
        tasks = app.getBean(TaskService.class);
        IdentityService identity = app.getBean(IdentityService.class);
        for (String id : List.of("clerk-a", "clerk-b", "refused-clerk")) {
            User user = identity.newUser(id);
            user.setFirstName("Clerk");
            user.setLastName(id);
            user.setEmail(id.equals("refused-clerk") ? REFUSED : id + "@quorum.example");
            user.setPassword(id);
            identity.saveUser(user);
            identity.createMembership(id, "secretariat");
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (smtp != null) {
                smtp.close();
            }
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aGroupTaskReachesEachMemberOnceEvenWhenTheConsumerReadsTheTopicAgain() throws Exception {
        String reference = request("officer");
        String taskId = taskOf(reference);

        await().atMost(Duration.ofSeconds(60)).until(() -> mails(taskId, "clerk-a@quorum.example").size() == 1
                && mails(taskId, "clerk-b@quorum.example").size() == 1);
        Received mail = mails(taskId, "clerk-a@quorum.example").get(0);
        assertThat(mail.subject()).isEqualTo("[Quorum] New task for your group: Check completeness and eligibility ("
                + reference + ")");
        assertThat(mail.header("X-Quorum-Notification")).isEqualTo("OFFERED");
        assertThat(mail.header("Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(mail.text()).contains("Dear Clerk clerk-a").contains("Process:  Regional endorsement")
                .contains("Business key: " + reference).contains("Due:      ")
                .contains("/camunda/app/tasklist/default/#/?task=" + taskId);
        assertThat(mails(taskId, "officer@quorum.example")).as("not to the officer who created it").isEmpty();

        Lifecycle consumer = app.getBean("notificationConsumer", Lifecycle.class);
        consumer.stop();
        rewindNotifierToTheStart();
        consumer.start();
        awaitNotifierCaughtUp();

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                mails(taskId, "clerk-a@quorum.example").size() == 1
                        && mails(taskId, "clerk-b@quorum.example").size() == 1);
        assertThat(jdbc.queryForObject("select count(*) from quorum_notification_mail where task_id = ? "
                + "and kind = 'OFFERED'", Integer.class, taskId)).as("one row per member, none again").isEqualTo(3);
    }

    @Test
    void aTaskOfTheDsgPostReachesTheSecretaryGeneralActingForIt() {
        Positions positions = app.getBean(Positions.class);
        Instant now = Instant.now();
        for (Holding holding : positions.holdings("DSG")) {
            if (holding.endsAt() == null || holding.endsAt().isAfter(now)) {
                positions.end("DSG", holding.id(), now.minusSeconds(60));
            }
        }
        positions.appoint("DSG", HoldingKind.INTERIM, "sg", now.minusSeconds(30), null, "demo");
        String instance = app.getBean(RuntimeService.class).startProcessInstanceByKey(deployPositionTask(
                "notifier-dsg-task", "DSG"), "MISSION-2026-042").getId();
        String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

        await().atMost(Duration.ofSeconds(60)).until(() -> mails(taskId, "sg@quorum.example").size() == 1);
        Received mail = mails(taskId, "sg@quorum.example").get(0);
        assertThat(mail.subject()).isEqualTo("[Quorum] Task assigned to you: Sign the mission order (MISSION-2026-042)");
        assertThat(mail.text()).contains("Dear Secretary General,")
                .contains("has been assigned to you, acting for DSG (Deputy Secretary General).")
                .contains("Process:  Interim test").contains("Business key: MISSION-2026-042");
        assertThat(mails(taskId, "dsg@quorum.example")).as("the DSG office's member is not offered a taken task")
                .isEmpty();
        System.out.println("--- The mail for the DSG post's task, as the SMTP server received it ---\n"
                + raw(mail) + "\n--- end ---");
    }

    @Test
    void aVacantPositionsTaskIsOfferedToItsOfficesMembers() {
        app.getBean(Positions.class).create(new Position("REGISTRAR", "Registrar", "secretariat"));
        String instance = app.getBean(RuntimeService.class).startProcessInstanceByKey(deployPositionTask(
                "notifier-vacant-task", "REGISTRAR"), "REG-2026-007").getId();
        String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

        // The two mails are sent one after the other: wait for both, not for the first one only.
        await().atMost(Duration.ofSeconds(60)).until(() -> mails(taskId, "clerk-a@quorum.example").size() == 1
                && mails(taskId, "officer@quorum.example").size() == 1);
        assertThat(kinds(taskId, "clerk-a@quorum.example")).containsExactly("OFFERED");
        assertThat(mails(taskId, "officer@quorum.example")).as("the engine started it: the officer is told too")
                .hasSize(1);
    }

    @Test
    void aRefusedMailIsRetriedThenRecordedAsFailedAndTheMailsAfterItAreSent() {
        String first = taskOf(request("officer"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(status(first, "refused-clerk")));
        Map<String, Object> failed = jdbc.queryForMap("select attempts, last_error from quorum_notification_mail "
                + "where task_id = ? and user_id = 'refused-clerk'", first);
        assertThat(failed.get("attempts")).isEqualTo(3);
        assertThat(failed.get("last_error").toString()).contains("550").contains("mailbox unavailable");
        assertThat(mails(first, "clerk-a@quorum.example")).hasSize(1);

        String next = taskOf(request("officer"));
        await().atMost(Duration.ofSeconds(60)).until(() -> mails(next, "clerk-a@quorum.example").size() == 1
                && "SENT".equals(status(next, "clerk-a")));
    }

    @Test
    void reminderAndOverdueNoticeGoOutOnceEachWhenTheEngineClockSaysAndTheHeadOfTheOfficeHears() {
        Positions positions = app.getBean(Positions.class);
        positions.create(new Position("SEC_HEAD", "Head of the Secretariat", "secretariat"));
        positions.appoint("SEC_HEAD", HoldingKind.SUBSTANTIVE, "owner", Instant.parse("2026-01-01T00:00:00Z"), null,
                "demo");
        // Monday 7 September 2026, 09:00 in Brussels: ten working days later is Monday 21 September, 09:00.
        setClock(ZonedDateTime.of(2026, 9, 7, 9, 0, 0, 0, BRUSSELS));
        String taskId = taskOf(request("officer"));
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getDueDate().toInstant()).isEqualTo(ZonedDateTime.of(2026, 9, 21, 9, 0, 0, 0, BRUSSELS)
                .toInstant());

        setClock(ZonedDateTime.of(2026, 9, 18, 8, 59, 0, 0, BRUSSELS));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> kinds(taskId, "officer@quorum.example").isEmpty());

        setClock(ZonedDateTime.of(2026, 9, 18, 9, 1, 0, 0, BRUSSELS));
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(taskId, "officer@quorum.example")
                .equals(List.of("REMINDER")));
        assertThat(mails(taskId, "officer@quorum.example").get(0).subject())
                .startsWith("[Quorum] Task due soon: Check completeness and eligibility");

        setClock(ZonedDateTime.of(2026, 9, 21, 9, 1, 0, 0, BRUSSELS));
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(taskId, "owner@quorum.example")
                .equals(List.of("OFFICE_OVERDUE")) && kinds(taskId, "officer@quorum.example")
                .equals(List.of("REMINDER", "OVERDUE")));
        setClock(ZonedDateTime.of(2026, 9, 22, 9, 1, 0, 0, BRUSSELS));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() ->
                kinds(taskId, "officer@quorum.example").equals(List.of("REMINDER", "OVERDUE"))
                        && kinds(taskId, "owner@quorum.example").equals(List.of("OFFICE_OVERDUE")));
        assertThat(mails(taskId, "owner@quorum.example").get(0).text())
                .contains("of the office you head is overdue");
    }

    @Test
    void aUserWhoChoseTheDigestGetsOneMailAtDigestTimeInsteadOfEach() {
        TestRestTemplate clerk = new TestRestTemplate("clerk-b", "clerk-b");
        assertThat(put(clerk, "{\"delivery\":\"SOMETIMES\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(clerk.getForEntity(url("/api/me/notifications"), JsonNode.class).getBody().path("delivery")
                .asText()).as("a refused choice changes nothing").isEqualTo("IMMEDIATE");
        assertThat(put(new TestRestTemplate(), "{\"delivery\":\"OFF\"}").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(put(clerk, "{\"delivery\":\"DAILY_DIGEST\"}").getStatusCode()).isEqualTo(HttpStatus.OK);

        setClock(ZonedDateTime.of(2026, 10, 6, 10, 0, 0, 0, BRUSSELS));
        String reference = request("officer");
        String taskId = taskOf(reference);
        await().atMost(Duration.ofSeconds(60)).until(() -> "HELD".equals(status(taskId, "clerk-b"))
                && mails(taskId, "clerk-a@quorum.example").size() == 1);
        assertThat(mails(taskId, "clerk-b@quorum.example")).isEmpty();

        setClock(ZonedDateTime.of(2026, 10, 7, 7, 29, 0, 0, BRUSSELS));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> digests().isEmpty());
        setClock(ZonedDateTime.of(2026, 10, 7, 7, 31, 0, 0, BRUSSELS));
        await().atMost(Duration.ofSeconds(30)).until(() -> digests().size() == 1);
        Received digest = digests().get(0);
        assertThat(digest.subject()).startsWith("[Quorum] Your daily digest:");
        assertThat(digest.text()).contains(reference).contains("/camunda/app/tasklist/default/#/?task=" + taskId);
        assertThat(status(taskId, "clerk-b")).isEqualTo("DIGESTED");
        JsonNode listed = clerk.getForEntity(url("/api/me/notifications/mails"), JsonNode.class).getBody();
        assertThat(listed.findValuesAsText("kind")).contains("DIGEST", "OFFERED");
        assertThat(listed.findValuesAsText("subject")).allSatisfy(s -> assertThat(s).doesNotContain("clerk-a"));
    }

    /** A one-task process whose task is addressed to {@code position}; returns its key. */
    private static String deployPositionTask(String key, String position) {
        app.getBean(RepositoryService.class).createDeployment().name(key).addString(key + ".bpmn", """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://quorum.org/test">
                  <bpmn:process id="%s" name="Interim test" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Begin" targetRef="Task_Sign" />
                    <bpmn:userTask id="Task_Sign" name="Sign the mission order" camunda:dueDate="2 working days">
                      <bpmn:extensionElements><camunda:properties>
                        <camunda:property name="quorum.position" value="%s" />
                      </camunda:properties></bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Sign" targetRef="EndEvent_Done" />
                    <bpmn:endEvent id="EndEvent_Done" />
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, position)).deploy();
        return key;
    }

    private static List<Received> digests() {
        return smtp.to("clerk-b@quorum.example").stream().filter(r -> "DIGEST".equals(r.header("X-Quorum-Notification")))
                .toList();
    }

    private static void setClock(ZonedDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    }

    private static String request(String user) {
        String reference = "REQ-MAIL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<JsonNode> started = new TestRestTemplate(user, user).postForEntity(
                url("/api/endorsement-requests"), Map.of("requestingAdministration", "Chile",
                        "facilityType", "REGIONAL_CUSTOMS_LABORATORY", "region", "AMERICAS_CARIBBEAN",
                        "requestSummary", "Recognition of the laboratory", "reference", reference), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return reference;
    }

    private static String taskOf(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    private static List<Received> mails(String taskId, String address) {
        return smtp.to(address).stream().filter(r -> taskId.equals(r.header("X-Quorum-Task"))).toList();
    }

    private static List<String> kinds(String taskId, String address) {
        return mails(taskId, address).stream().map(r -> r.header("X-Quorum-Notification")).toList();
    }

    private static String status(String taskId, String userId) {
        List<String> found = jdbc.queryForList("select status from quorum_notification_mail where task_id = ? "
                + "and user_id = ? and kind = 'OFFERED'", String.class, taskId, userId);
        return found.isEmpty() ? null : found.get(0);
    }

    private static ResponseEntity<JsonNode> put(TestRestTemplate client, String json) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return client.exchange(url("/api/me/notifications"), HttpMethod.PUT, new HttpEntity<>(json, headers),
                JsonNode.class);
    }

    private static String url(String path) {
        return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + path;
    }

    private static String raw(Received mail) {
        try (var out = new java.io.ByteArrayOutputStream()) {
            mail.message().writeTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", app.getBean(KafkaConnectionDetails.class).getBootstrapServers())));
    }

    /** As an operator would with kafka-consumer-groups --reset-offsets --to-earliest: every event comes again. */
    private static void rewindNotifierToTheStart() throws Exception {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeConsumerGroups(List.of("quorum-notifier"))
                    .all().get().get("quorum-notifier").members().isEmpty());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("quorum-notifier")
                    .partitionsToOffsetAndMetadata().get();
            assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum())
                    .as("the notifier had read events").isPositive();
            admin.alterConsumerGroupOffsets("quorum-notifier", committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)))).all().get();
        }
    }

    private static void awaitNotifierCaughtUp() {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("quorum-notifier")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return committed.entrySet().stream().allMatch(e -> e.getValue().offset() >= ends.get(e.getKey())
                        .offset());
            });
        }
    }
}
