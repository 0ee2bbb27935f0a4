package org.quorum.commission;

/** Process variables of {@code policy-commission-review} (bpmn/policy-commission-review.bpmn and its forms). */
public final class CommissionVariables {

    public static final String PROCESS_ID = "policy-commission-review";

    /** SG_PRIORITY or ENDORSED_REQUEST. */
    public static final String ITEM_TYPE = "itemType";
    public static final String ITEM_TITLE = "itemTitle";
    public static final String PAPER_CLEARED = "paperCleared";
    public static final String SESSION_DATE = "sessionDate";
    /** What was put to the vote: ADOPT, AMEND, REJECT or DEFER. */
    public static final String PROPOSAL = "proposal";
    public static final String MEMBERS_TOTAL = "membersTotal";
    public static final String MEMBERS_PRESENT = "membersPresent";
    public static final String VOTES_FOR = "votesFor";
    public static final String VOTES_AGAINST = "votesAgainst";
    public static final String ABSTENTIONS = "abstentions";
    /** Result of bpmn/commission-recommendation.dmn: ADOPT, AMEND, REJECT or DEFER. */
    public static final String RECOMMENDATION = "recommendation";
    /** One of {@link CouncilDecision}. */
    public static final String COUNCIL_DECISION = "councilDecision";
    public static final String COUNCIL_DECISION_FAVOURABLE = "councilDecisionFavourable";
    public static final String COUNCIL_DECIDED_AT = "councilDecidedAt";
    public static final String DECISION_PUBLISHED_AT = "decisionPublishedAt";

    /** BPMN error code thrown when a session has no quorum (caught on Task_CheckQuorum). */
    public static final String ERROR_NO_QUORUM = "NO_QUORUM";

    private CommissionVariables() {
    }
}
