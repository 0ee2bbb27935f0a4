package org.quorum.commission;

/** A session of the Policy Commission can recommend only when more than half of its members are present. */
public final class CommissionQuorum {

    private CommissionQuorum() {
    }

    public static boolean isMet(int membersPresent, int membersTotal) {
        if (membersTotal <= 0) {
            throw new IllegalArgumentException("The Commission has no members (membersTotal is " + membersTotal
                    + "); record the number of members of the Commission with the vote");
        }
        if (membersPresent < 0 || membersPresent > membersTotal) {
            throw new IllegalArgumentException("membersPresent is " + membersPresent + " but must be between 0 and "
                    + "the number of members (" + membersTotal + ")");
        }
        return membersPresent * 2 > membersTotal;
    }
}
