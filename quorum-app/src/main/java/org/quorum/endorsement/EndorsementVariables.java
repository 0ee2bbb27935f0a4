package org.quorum.endorsement;

/** Process variables of {@code regional-endorsement} (bpmn/regional-endorsement.bpmn and its forms). */
public final class EndorsementVariables {

    public static final String PROCESS_ID = "regional-endorsement";

    public static final String REQUESTING_ADMINISTRATION = "requestingAdministration";
    public static final String FACILITY_TYPE = "facilityType";
    public static final String REGION = "region";
    public static final String REQUEST_SUMMARY = "requestSummary";
    /** Result of the eligibility table (bpmn/request-eligibility.dmn). */
    public static final String FACILITY_ELIGIBLE = "facilityEligible";
    /** The officer's check: COMPLETE, INCOMPLETE or INELIGIBLE. */
    public static final String CHECK_RESULT = "checkResult";
    public static final String MISSING_ITEMS = "missingItems";
    public static final String RESUBMISSION_DEADLINE = "resubmissionDeadline";
    public static final String CONFERENCE_REFERENCE = "conferenceReference";
    public static final String CONFERENCE_DATE = "conferenceDate";
    /** The delegates' decision at the regional conference: ENDORSE, DECLINE or DEFER. */
    public static final String DELEGATES_DECISION = "delegatesDecision";
    /** Returned by the called {@code policy-commission-review}. */
    public static final String COUNCIL_DECISION = "councilDecision";
    public static final String COUNCIL_DECISION_FAVOURABLE = "councilDecisionFavourable";
    /** An {@link EndorsementOutcome} name, set by the model on the path that decides it. */
    public static final String OUTCOME = "outcome";
    public static final String REQUESTER_NOTIFICATION = "requesterNotification";
    public static final String REQUESTER_NOTIFIED_AT = "requesterNotifiedAt";

    private EndorsementVariables() {
    }
}
