package org.quorum.commission;

/** What the Council decides on a recommendation of the Policy Commission. */
public enum CouncilDecision {

    APPROVED(true),
    APPROVED_AS_AMENDED(true),
    REJECTED(false);

    private final boolean favourable;

    CouncilDecision(boolean favourable) {
        this.favourable = favourable;
    }

    /** Whether the item goes ahead (for an endorsed request: whether the facility is recognised). */
    public boolean favourable() {
        return favourable;
    }

    public static CouncilDecision of(String value) {
        for (CouncilDecision decision : values()) {
            if (decision.name().equals(value)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("Unknown Council decision '" + value
                + "'; expected one of APPROVED, APPROVED_AS_AMENDED, REJECTED");
    }
}
