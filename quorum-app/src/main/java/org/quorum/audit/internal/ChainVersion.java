package org.quorum.audit.internal;

/**
 * Versions of the rules that say which history rows an entry covers and which of their columns are hashed. Each
 * chain entry stores the version it was written with ({@code quorum_audit_chain.version}) and is verified by the
 * same rules, so that widening what the chain covers does not make every older chain look tampered with.
 */
final class ChainVersion {

    /** Process, activity, task, identity-link, variable, decision and incident rows. */
    static final int FIRST = 1;

    /** Adds who acted: the user operation log, and a task's acting-for record and comments at its end. */
    static final int WHO_ACTED = 2;

    /** The version new entries are written with. */
    static final int CURRENT = WHO_ACTED;

    private ChainVersion() {
    }
}
