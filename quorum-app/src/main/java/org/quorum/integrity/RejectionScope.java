package org.quorum.integrity;

import java.util.Optional;

/**
 * Hands a form rejection from the engine to the web layer of the same request.
 * <p>
 * Camunda's REST API (both {@code /engine-rest} and Tasklist's {@code /camunda/api/engine}) catches engine
 * exceptions and answers with its own JSON (for a start, even as a 500), so the {@link FormSubmissionRejected}
 * with its list of violations never reaches a servlet filter. The filter opens a scope around the request; the
 * engine-side check records its rejection into it (same thread: Camunda's commands run on the request thread).
 * Outside a scope (job executor, Quorum's own API, tests) recording does nothing.
 */
public final class RejectionScope implements AutoCloseable {

    private static final ThreadLocal<RejectionScope> CURRENT = new ThreadLocal<>();

    private final RejectionScope outer;
    private FormSubmissionRejected rejection;
    private Refusal refusal;

    private RejectionScope(RejectionScope outer) {
        this.outer = outer;
    }

    public static RejectionScope open() {
        RejectionScope scope = new RejectionScope(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** Called by the engine-side check when it refuses a submission; the last rejection of the request wins. */
    public static void record(FormSubmissionRejected rejected) {
        RejectionScope scope = CURRENT.get();
        if (scope != null) {
            scope.rejection = rejected;
        }
    }

    /**
     * Called by the engine-side check when the task a caller completes does not exist: Camunda's REST API would
     * answer that as a server error (500), though the caller's id is what is wrong.
     */
    public static void recordNotFound(String message) {
        record(new Refusal(404, "NotFoundException", message));
    }

    /**
     * Called when another transaction changed what the command changes (two officers completing the same task
     * at once): Camunda's REST API answers its optimistic-locking failure as a 500; it is a 409, try again.
     */
    public static void recordConflict(String message) {
        record(new Refusal(409, "OptimisticLockingException", message));
    }

    private static void record(Refusal refusal) {
        RejectionScope scope = CURRENT.get();
        if (scope != null) {
            scope.refusal = refusal;
        }
    }

    /** A refusal that is the caller's to act on, which Camunda's REST API would have answered as a 500. */
    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    public record Refusal(int status, String type, String message) {
    }

    public Optional<FormSubmissionRejected> rejection() {
        return Optional.ofNullable(rejection);
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
