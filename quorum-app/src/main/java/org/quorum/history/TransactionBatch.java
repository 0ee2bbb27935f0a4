package org.quorum.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Items collected during the current Spring transaction (the one the engine command runs in), in the order they
 * were added, and handed to the owner just before that transaction commits: what the owner writes then commits
 * with the engine state it describes, and a transaction that rolls back hands over nothing.
 * <p>
 * Each transaction's batch is one of its synchronizations, so a transaction suspended for a new one
 * ({@code REQUIRES_NEW}) keeps its batch to itself, and the new one starts its own. Batches of one transaction are
 * handed over in their {@code order} (Spring sorts a transaction's synchronizations), those of equal order in the
 * order they were started.
 *
 * @param <T> what is collected
 */
public final class TransactionBatch<T> {

    /** What the owner does with a transaction's items; called only for a transaction that added some. */
    public interface Owner<T> {

        /** Inside the transaction, after the engine flushed its own state. */
        void beforeCommit(List<T> items);

        /** Once the transaction committed. */
        default void afterCommit(List<T> items) {
        }
    }

    private final String what;
    private final int order;
    private final Owner<T> owner;

    /** {@code what} names the items in the error of an item added outside a transaction. */
    public TransactionBatch(String what, Owner<T> owner) {
        this(what, Ordered.LOWEST_PRECEDENCE, owner);
    }

    /** A batch handed over before the batches of a higher {@code order} in the same transaction. */
    public TransactionBatch(String what, int order, Owner<T> owner) {
        this.what = what;
        this.order = order;
        this.owner = owner;
    }

    /** Whether a transaction is running on this thread, so that items can be added. */
    public static boolean inTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive();
    }

    /** Adds an item to the current transaction's batch. */
    public void add(T item) {
        if (!inTransaction()) {
            throw new IllegalStateException(what + " can only be recorded inside a transaction");
        }
        Batch batch = current();
        if (batch == null) {
            batch = new Batch();
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        batch.items.add(item);
    }

    /** The items added so far in the current transaction; none outside a transaction. */
    public List<T> items() {
        Batch batch = inTransaction() ? current() : null;
        return batch == null ? List.of() : Collections.unmodifiableList(batch.items);
    }

    private Batch current() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof TransactionBatch<?>.Batch batch && batch.of() == this) {
                @SuppressWarnings("unchecked")
                Batch ours = (Batch) batch;
                return ours;
            }
        }
        return null;
    }

    private final class Batch implements TransactionSynchronization {

        private final List<T> items = new ArrayList<>();

        TransactionBatch<T> of() {
            return TransactionBatch.this;
        }

        @Override
        public int getOrder() {
            return order;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!items.isEmpty()) {
                owner.beforeCommit(items);
            }
        }

        @Override
        public void afterCommit() {
            if (!items.isEmpty()) {
                owner.afterCommit(items);
            }
        }
    }
}
