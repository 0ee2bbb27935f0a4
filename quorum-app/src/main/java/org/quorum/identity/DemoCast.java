package org.quorum.identity;

import java.util.List;

/**
 * The demo profile's users, each with the password equal to the user id (demo/demo as in Camunda's own demo). Public
 * for the demo mail server, which gives each of them a mailbox with the same password.
 */
public final class DemoCast {

    public static final List<UserAccount> USERS = List.of(
            new UserAccount("demo", "demo", "Demo", "Administrator", List.of(Groups.CAMUNDA_ADMIN)),
            new UserAccount("sg", "sg", "Secretary", "General", List.of(Groups.SG_OFFICE)),
            new UserAccount("dsg", "dsg", "Deputy", "Secretary General", List.of(Groups.DSG_OFFICE)),
            new UserAccount("officer", "officer", "Secretariat", "Officer", List.of(Groups.SECRETARIAT)),
            new UserAccount("vicechair", "vicechair", "Regional", "Vice-Chair", List.of(Groups.REGIONAL_VICE_CHAIRS)),
            new UserAccount("commission", "commission", "Commission", "Member", List.of(Groups.POLICY_COMMISSION)),
            new UserAccount("council", "council", "Council", "Member", List.of(Groups.COUNCIL)),
            new UserAccount("owner", "owner", "Process", "Owner", List.of(Groups.PROCESS_OWNERS)));

    private DemoCast() {
    }
}
