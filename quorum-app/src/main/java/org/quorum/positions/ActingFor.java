package org.quorum.positions;

import java.util.List;

import org.quorum.history.TransactionBatch;

/**
 * Whom a user acts for: the task-local variable and the BPMN property by which position routing records it, and
 * the position the acting user stands in for in the current transaction. When an interim holder completes or
 * claims a task of a position, every event that transaction publishes (the task's, the decisions it leads to)
 * carries the CloudEvents attribute {@code actingfor}. Bound to the Spring transaction the engine command runs in,
 * so it never leaks into another officer's work on the same thread.
 */
public final class ActingFor {

    /** Task-local variable naming the position a task's assignee acts for, when not its substantive holder. */
    public static final String TASK_VARIABLE = "actingFor";

    /**
     * Property of the parsed user-task activities whose tasks are addressed to a position (its code). Only their
     * tasks can carry {@link #TASK_VARIABLE}, so the events look the variable up for those tasks only: the lookup
     * costs a query for every task whose variables the engine had not loaded yet.
     */
    public static final String POSITION_ACTIVITY_PROPERTY = "quorum.position";

    /** The positions recorded in the current transaction; the last one counts. Nothing to write at commit. */
    private static final TransactionBatch<String> RECORDED = new TransactionBatch<>("Acting-for records",
            positions -> { });

    private ActingFor() {
    }

    /** Records, for the rest of the current transaction, that its actor acts for {@code position}. */
    public static void record(String position) {
        if (TransactionBatch.inTransaction()) {
            RECORDED.add(position);
        }
    }

    /** The position recorded in the current transaction, or null. */
    public static String current() {
        List<String> recorded = RECORDED.items();
        return recorded.isEmpty() ? null : recorded.get(recorded.size() - 1);
    }
}
