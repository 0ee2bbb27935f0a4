package org.quorum.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.quorum.positions.Incumbent;
import org.quorum.positions.Positions;
import org.quorum.support.OwnApplication;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The seed's 2017 conference replayed through the officers' APIs leaves the history the seed describes. The
 * replay changes who holds the DSG post, so it runs in an application of its own (a distinct test property
 * keeps it out of the shared context), closed afterwards.
 */
@OwnApplication
@QuorumIntegrationTest
@TestPropertySource(properties = "quorum.test.context=seed-replay")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SeedReplayIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    HistoryService history;
    @Autowired
    Positions positions;

    @Test
    void replayOf2017LeavesAConcludedConferenceThreeRecognisedRequestsAndTheSgActingForTheDsg() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("demo", "demo")
                .postForEntity("/api/demo/replays/seed-2017", null, JsonNode.class);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode summary = response.getBody();
        // The last steps (recording the Council's decisions, notifying requesters) are async jobs.
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(summary.path("conferenceInstanceId").asText()).completed().count() == 1
                && history.createHistoricProcessInstanceQuery().processDefinitionKey("regional-endorsement")
                .processInstanceBusinessKeyLike("REQ-2017-%").completed().count() >= 3);
        HistoricProcessInstance conference = history.createHistoricProcessInstanceQuery()
                .processInstanceId(summary.path("conferenceInstanceId").asText()).singleResult();
        assertThat(conference.getState()).isEqualTo("COMPLETED");
        assertThat(conference.getStartUserId()).isEqualTo("officer");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(conference.getId())
                .variableName("chairAdministration").singleResult().getValue()).isEqualTo("Chile");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(conference.getId())
                .activityId("Task_ConfirmChair").singleResult().getAssignee()).isEqualTo("vicechair");

        for (JsonNode id : summary.path("endorsementInstanceIds")) {
            HistoricProcessInstance request = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(id.asText()).singleResult();
            assertThat(request.getState()).isEqualTo("COMPLETED");
            assertThat(request.getEndActivityId()).isEqualTo("EndEvent_RequesterNotified");
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id.asText())
                    .activityId("Event_RequestRecognised").count()).as("recognised").isEqualTo(1);
        }
        assertThat(summary.path("endorsementInstanceIds")).hasSize(3);
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(conference.getId())
                .completed().count()).as("the SG's five priorities reviewed and decided").isEqualTo(5);

        assertThat(positions.incumbent("DSG", Instant.now())).as("the SG acts for the vacant DSG post")
                .contains(new Incumbent("sg", "DSG"));
        assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceId(summary.path("vacancyInstanceId").asText()).singleResult().getState())
                .as("awaiting the Council's election of a successor").isEqualTo("ACTIVE");
    }
}
