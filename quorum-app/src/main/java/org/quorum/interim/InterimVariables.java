package org.quorum.interim;

/** Process variables of {@code interim-role-assignment} (bpmn/interim-role-assignment.bpmn and its forms). */
public final class InterimVariables {

    public static final String PROCESS_ID = "interim-role-assignment";
    /** Correlates {@link #MESSAGE_SUCCESSOR_ELECTED}; the business key is the post id too. */
    public static final String POST_ID = "postId";
    public static final String POST_TITLE = "postTitle";
    public static final String OUTGOING_HOLDER = "outgoingHolder";
    public static final String VACANCY_DATE = "vacancyDate";
    /** The position that covers the vacant post (SG by default). */
    public static final String INTERIM_HOLDER = "interimHolder";
    /** The person holding the covering position when the interim took effect (set by the process). */
    public static final String INTERIM_HOLDER_USER = "interimHolderUser";
    public static final String INTERIM_EFFECTIVE_DATE = "interimEffectiveDate";
    public static final String INTERIM_STARTED_AT = "interimStartedAt";
    public static final String SUCCESSOR_NAME = "successorName";
    /** The elected successor's user id, carried by the SuccessorElected message. */
    public static final String SUCCESSOR_USER_ID = "successorUserId";
    public static final String SUCCESSOR_TAKES_OFFICE_DATE = "successorTakesOfficeDate";
    public static final String INTERIM_ENDED_AT = "interimEndedAt";

    /** Message name (BPMN id Message_SuccessorElected), correlated by the post id as business key. */
    public static final String MESSAGE_SUCCESSOR_ELECTED = "SuccessorElected";

    private InterimVariables() {
    }
}
