package org.quorum.identity;

import java.util.List;

/** The bodies and offices that tasks are addressed to; ids are used in BPMN candidate groups. */
public final class Groups {

    public static final String SECRETARIAT = "secretariat";
    public static final String SG_OFFICE = "sg-office";
    public static final String DSG_OFFICE = "dsg-office";
    public static final String REGIONAL_VICE_CHAIRS = "regional-vice-chairs";
    public static final String POLICY_COMMISSION = "policy-commission";
    public static final String COUNCIL = "council";
    public static final String PROCESS_OWNERS = "process-owners";
    /** Camunda's conventional administrators' group, as in Camunda's own distribution. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Groups whose members complete tasks in Tasklist. */
    public static final List<String> WORKING = List.of(
            SECRETARIAT, SG_OFFICE, DSG_OFFICE, REGIONAL_VICE_CHAIRS, POLICY_COMMISSION, COUNCIL, PROCESS_OWNERS);

    /** Groups that may start process instances (the offices that run the secretariat's business). */
    public static final List<String> INITIATING = List.of(SECRETARIAT, SG_OFFICE, DSG_OFFICE);

    static final List<GroupDefinition> ALL = List.of(
            new GroupDefinition(SECRETARIAT, "Secretariat officers", "WORKFLOW"),
            new GroupDefinition(SG_OFFICE, "Office of the Secretary General", "WORKFLOW"),
            new GroupDefinition(DSG_OFFICE, "Office of the Deputy Secretary General", "WORKFLOW"),
            new GroupDefinition(REGIONAL_VICE_CHAIRS, "Regional Vice-Chairs", "WORKFLOW"),
            new GroupDefinition(POLICY_COMMISSION, "Policy Commission", "WORKFLOW"),
            new GroupDefinition(COUNCIL, "Council", "WORKFLOW"),
            new GroupDefinition(PROCESS_OWNERS, "Process owners and auditors", "WORKFLOW"),
            new GroupDefinition(CAMUNDA_ADMIN, "Camunda administrators", "SYSTEM"));

    private Groups() {
    }

    record GroupDefinition(String id, String name, String type) {
    }
}
