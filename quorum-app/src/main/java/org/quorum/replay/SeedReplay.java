package org.quorum.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the 2017 conference of the seed: the XXth Regional Conference for the Americas/Caribbean hosted by
 * Cuba on 15-16 May 2017 and chaired by Chile's Vice-Chair; the requests of Mexico (Regional Customs
 * Laboratory), the United States and Canada (Regional Dog Training Centres) endorsed and recognised; the SG's
 * priorities forwarded to the Policy Commission and decided by the Council; the DSG post vacant from 1 January
 * 2018 with the SG acting for it (the Council's election of a successor is still awaited, as in the seed).
 * <p>
 * Every step is taken by the demo user of the office that takes it in reality, through the same APIs officers
 * use, so the history it leaves (who did what, as whom) is what a process owner reads in Cockpit, the history
 * REST API and the audit page.
 */
class SeedReplay {

    static final String NAME = "seed-2017";
    private static final Logger log = LoggerFactory.getLogger(SeedReplay.class);
    private static final String REVIEW = "policy-commission-review";
    private static final String CONFERENCE = "XXth Regional Conference of Directors General of Customs, Americas/Caribbean";
    private static final List<String> PRIORITIES = List.of("Trade facilitation", "E-commerce", "Security",
            "Customs-tax cooperation", "Illicit financial flows");
    private static final List<Request> REQUESTS = List.of(
            new Request("REQ-2017-MEX-LAB", "Mexico", "REGIONAL_CUSTOMS_LABORATORY"),
            new Request("REQ-2017-USA-DTC", "United States", "REGIONAL_DOG_TRAINING_CENTRE"),
            new Request("REQ-2017-CAN-DTC", "Canada", "REGIONAL_DOG_TRAINING_CENTRE"));
    // Business keys are these references plus the run's suffix, e.g. REQ-2017-MEX-LAB-7F3A.

    private final ReplayClient client;
    /** Suffix of this run's business keys, so that the replay finds its own instances and no one else's. */
    private final String run;
    private String conference;

    SeedReplay(ReplayClient client, String run) {
        this.client = client;
        this.run = run;
    }

    Summary run() {
        log.info("Replaying the 2017 Americas/Caribbean regional conference ({})", NAME);
        conference = client.post("officer", "/api/conferences", Map.of("conferenceTitle", CONFERENCE,
                "region", "AMERICAS_CARIBBEAN", "hostAdministration", "Cuba", "reference", key("CONF-2017-AMERICAS")))
                .path("processInstanceId").asText();
        prepareConference();
        List<String> requests = new ArrayList<>();
        for (Request request : REQUESTS) {
            requests.add(submit(request));
            placeOnAgenda(request);
        }
        holdConference();
        for (Request request : REQUESTS) {
            review(ReplayClient.instance(REVIEW, key(request.reference()), null, null));
        }
        for (String priority : PRIORITIES) {
            review(ReplayClient.instance(REVIEW, key("CONF-2017-AMERICAS"), "itemTitle", priority));
        }
        String vacancy = dsgLeavesAndSgActs();
        log.info("Replay {} done: conference {}, requests {}, DSG vacancy {}", NAME, conference, requests, vacancy);
        return new Summary(NAME, conference, requests, vacancy);
    }

    private void prepareConference() {
        conferenceTask("officer", "Task_ConfirmDatesAndVenue", form("conferenceTitle", CONFERENCE,
                "region", "AMERICAS_CARIBBEAN", "conferenceStartDate", "2017-05-15T09:00Z",
                "conferenceEndDate", "2017-05-16T17:00Z", "venue", "Havana, Cuba"));
        conferenceTask("vicechair", "Task_ConfirmChair", form("chairAdministration", "Chile",
                "chairName", "Regional Vice-Chair (Chile)"));
        conferenceTask("officer", "Task_DraftAgenda", form(
                "panels", "Coordinated border management\nCompliance with international standards\nCapacity building",
                "presentations", "Regional registry of mutual administrative assistance agreements\n"
                        + "Biometrics for risk management\nIntegrity and anti-corruption\n"
                        + "Status of the WTO Trade Facilitation Agreement"));
        conferenceTask("officer", "Task_CallForEndorsementRequests", form(
                "endorsementRequestDeadline", "2017-04-14T17:00Z", "callSent", true));
    }

    private String submit(Request request) {
        return client.post("officer", "/api/endorsement-requests", Map.of(
                "requestingAdministration", request.administration(), "facilityType", request.facilityType(),
                "region", "AMERICAS_CARIBBEAN", "reference", key(request.reference()),
                "requestSummary", "Recognition of the " + request.facilityType().toLowerCase().replace('_', ' ')
                        + " of " + request.administration()))
                .path("processInstanceId").asText();
    }

    /** The side programme, the conference on its date (the engine's timer), the delegates' decisions, the report. */
    private void holdConference() {
        conferenceTask("sg", "Task_ApproveSgMission", form("missionApproved", true));
        conferenceTask("sg", "Task_ArrangeBilateralMeetings", form("bilateralMeetings",
                "Minister of Foreign Trade and Foreign Investment; Deputy Minister of Foreign Affairs"));
        conferenceTask("officer", "Task_ArrangeSiteVisits", form("siteVisits",
                "Customs Management Center, Jose Marti International Airport; Port of Mariel"));
        client.awaitTask("officer", ReplayClient.instance(conference), "Task_RecordOutcomes");
        for (Request request : REQUESTS) {
            client.complete("vicechair", endorsement(request), "Task_RecordDelegatesDecision",
                    form("delegatesDecision", "ENDORSE"));
        }
        conferenceTask("officer", "Task_RecordOutcomes", form(
                "outcomesSummary", "Requests of Mexico, the United States and Canada endorsed; the SG's priorities "
                        + "forwarded to the Policy Commission and the Council",
                "prioritiesForwarded", String.join("\n", PRIORITIES)));
        conferenceTask("officer", "Task_DraftReport", form("reportTitle", "Report of the " + CONFERENCE,
                "reportText", "Held in Havana on 15-16 May 2017, chaired by the Regional Vice-Chair (Chile)."));
    }

    private void placeOnAgenda(Request request) {
        client.complete("officer", endorsement(request), "Task_CheckCompleteness", form("checkResult", "COMPLETE"));
        client.complete("officer", endorsement(request), "Task_PlaceOnAgenda",
                form("conferenceReference", CONFERENCE, "conferenceDate", "2017-05-15T09:00Z"));
    }

    /** One item through the Commission (working paper, session, a carried vote to adopt) and the Council. */
    private void review(Map<String, Object> item) {
        client.complete("officer", item, "Task_DraftWorkingPaper", form(
                "workingPaperReference", "PC-2017-" + Math.abs(item.hashCode() % 1000),
                "workingPaperSummary", "Working paper for the Policy Commission"));
        client.complete("sg", item, "Task_ClearWorkingPaper", form("paperCleared", true));
        client.complete("officer", item, "Task_ScheduleSession", form(
                "sessionReference", "Policy Commission, 78th session", "sessionDate", "2017-12-04T09:00Z"));
        client.complete("commission", item, "Task_RecordCommissionVote", form(
                "proposal", "ADOPT", "membersTotal", 30, "membersPresent", 27, "votesFor", 24, "votesAgainst", 1,
                "abstentions", 2));
        client.complete("council", item, "Task_DecideOnRecommendation", form(
                "councilDecision", "APPROVED", "councilSession", "Council, 131st/132nd sessions, June 2018"));
    }

    private Map<String, Object> endorsement(Request request) {
        return ReplayClient.instance("regional-endorsement", key(request.reference()), null, null);
    }

    private String key(String reference) {
        return reference + "-" + run;
    }

    private String dsgLeavesAndSgActs() {
        String vacancy = client.post("sg", "/api/vacancies", Map.of("postId", "DSG",
                "outgoingHolder", "Deputy Secretary General (leaving to head another organisation)",
                "vacancyDate", "2018-01-01T00:00:00Z")).path("processInstanceId").asText();
        client.complete("sg", ReplayClient.instance(vacancy), "Task_DesignateInterimHolder", form(
                "interimHolder", "SG", "interimEffectiveDate", "2018-01-01T00:00Z",
                "interimArrangements", "The Secretary General, assisted by the management team"));
        return vacancy;
    }

    private void conferenceTask(String user, String taskKey, Map<String, Object> form) {
        client.complete(user, ReplayClient.instance(conference), taskKey, form);
    }

    private static Map<String, Object> form(Object... namesAndValues) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private record Request(String reference, String administration, String facilityType) {
    }

    /** What the replay started, for its caller. */
    record Summary(String replay, String conferenceInstanceId, List<String> endorsementInstanceIds,
                   String vacancyInstanceId) {
    }
}
