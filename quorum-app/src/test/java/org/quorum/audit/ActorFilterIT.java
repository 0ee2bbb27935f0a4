package org.quorum.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorum.identity.Groups;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit list's actor filter reads Quorum's actor index (written as users start instances and complete tasks);
 * it must give exactly what the history says: the instances the user started, or in which the user completed a
 * task as the authenticated user (Camunda's operation log) or as its assignee.
 */
@QuorumIntegrationTest
class ActorFilterIT {

    private static final String PROCESS = "audit-actor-fixture";

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
        repository.createDeployment().name(PROCESS).enableDuplicateFiltering(true)
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Work").name("Work").camundaCandidateGroups("secretariat")
                        .endEvent().done())
                .deploy();
    }

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
        String untouched = runtime.startProcessInstanceByKey(PROCESS, businessKey).getId();
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
        assertThat(ids(owner("?actor=" + starter + "&size=2&page=1"))).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(owner("?actor=" + starter + "&size=2&page=2"))).containsExactlyElementsOf(newestFirst.subList(4, 5));
    }

    /** A process of one task offered to the secretariat, deployed by this test; no variables, so no form. */
    private String startAs(String user, String businessKey) {
        String[] id = new String[1];
        // Granted to no group: an administrator starts it.
        authenticated(user, () -> id[0] = runtime.startProcessInstanceByKey(PROCESS, businessKey).getId());
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

    private JsonNode owner(String suffix) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("owner", "owner")
                .getForEntity("/api/audit/process-instances" + suffix, String.class);
        assertThat(response.getStatusCode()).as(suffix + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("id");
    }
}
