package org.quorum.identity;

import java.util.List;
import java.util.Map;

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

    /**
     * Who may start which process, by process key (README, "Start rights"). Granted per key, never for any
     * process, so that a new model starts with nobody allowed to start it until it is added here. Starting
     * anywhere but at a start event is for administrators only (the integrity guard).
     */
    public static final Map<String, List<String>> STARTERS = Map.of(
            "conference-preparation", List.of(SECRETARIAT),
            "regional-endorsement", List.of(SECRETARIAT),
            "policy-commission-review", List.of(SECRETARIAT, SG_OFFICE),
            "interim-role-assignment", List.of(SG_OFFICE));

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
