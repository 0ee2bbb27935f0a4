package org.quorum.endorsement;

/** How a request for regional recognition ended, and what the requesting administration is told. */
public enum EndorsementOutcome {

    RECOGNISED("the Council recognised the %s"),
    RECOGNITION_REFUSED("the Council did not recognise the %s"),
    DECLINED("the delegates of the regional conference declined the request for a %s"),
    INELIGIBLE("the request for a %s is not eligible for regional recognition"),
    WITHDRAWN("the request for a %s was withdrawn: the missing items did not arrive by the deadline");

    private final String notice;

    EndorsementOutcome(String notice) {
        this.notice = notice;
    }

    /**
     * The outcome from the decisions taken along the way. A request still marked incomplete at the end lapsed
     * (a resubmitted request is checked again, which replaces the check result).
     */
    public static EndorsementOutcome of(String checkResult, Boolean facilityEligible, String delegatesDecision,
                                        Boolean councilDecisionFavourable) {
        if ("INCOMPLETE".equals(checkResult)) {
            return WITHDRAWN;
        }
        if (!"COMPLETE".equals(checkResult) || !Boolean.TRUE.equals(facilityEligible)) {
            return INELIGIBLE;
        }
        if ("DECLINE".equals(delegatesDecision)) {
            return DECLINED;
        }
        if (!"ENDORSE".equals(delegatesDecision)) {
            throw new IllegalStateException("A request can only end declined or endorsed once it is on the agenda, "
                    + "but the delegates' decision is " + delegatesDecision);
        }
        return Boolean.TRUE.equals(councilDecisionFavourable) ? RECOGNISED : RECOGNITION_REFUSED;
    }

    public String noticeTo(String requestingAdministration, String facilityType) {
        String facility = facilityType == null ? "facility" : facilityType.toLowerCase().replace('_', ' ');
        return requestingAdministration + ": " + String.format(notice, facility) + ".";
    }
}
