package org.quorum.conference;

/** Process variables of {@code conference-preparation} (bpmn/conference-preparation.bpmn and its forms). */
public final class ConferenceVariables {

    public static final String PROCESS_ID = "conference-preparation";

    public static final String CONFERENCE_TITLE = "conferenceTitle";
    public static final String REGION = "region";
    public static final String HOST_ADMINISTRATION = "hostAdministration";
    public static final String CONFERENCE_START_DATE = "conferenceStartDate";
    public static final String CONFERENCE_END_DATE = "conferenceEndDate";
    public static final String VENUE = "venue";
    public static final String CHAIR_ADMINISTRATION = "chairAdministration";
    public static final String PANELS = "panels";
    public static final String PRESENTATIONS = "presentations";
    public static final String ENDORSEMENT_REQUEST_DEADLINE = "endorsementRequestDeadline";
    public static final String MISSION_APPROVED = "missionApproved";
    public static final String BILATERAL_MEETINGS = "bilateralMeetings";
    public static final String SITE_VISITS = "siteVisits";
    public static final String OUTCOMES_SUMMARY = "outcomesSummary";
    /** The SG priorities forwarded to the Policy Commission, one per line. */
    public static final String PRIORITIES_FORWARDED = "prioritiesForwarded";
    /** Element variable of the multi-instance review: one forwarded priority. */
    public static final String PRIORITY = "priority";
    public static final String REPORT_TITLE = "reportTitle";
    public static final String REPORT_PUBLISHED_AT = "reportPublishedAt";

    private ConferenceVariables() {
    }
}
