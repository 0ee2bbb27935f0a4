package org.quorum.endorsement;

/**
 * How a request for regional recognition ended, and what the requesting administration is told. The model decides
 * it: each path's last event before the outcomes merge sets {@link EndorsementVariables#OUTCOME} to one of these
 * names (bpmn/regional-endorsement.bpmn).
 */
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

    public String noticeTo(String requestingAdministration, String facilityType) {
        String facility = facilityType == null ? "facility" : facilityType.toLowerCase().replace('_', ' ');
        return requestingAdministration + ": " + String.format(notice, facility) + ".";
    }
}
