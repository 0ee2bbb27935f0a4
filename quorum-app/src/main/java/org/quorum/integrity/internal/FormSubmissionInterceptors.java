package org.quorum.integrity.internal;

import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.quorum.integrity.RejectionScope;

/**
 * The two command interceptors of the form check.
 * <p>
 * Which commands are checked is decided before the engine opens a command context ({@link Marker}, a pre
 * interceptor): a command is top-level exactly when no command context exists yet on the thread
 * ({@code Context.getCommandContext() == null}; Camunda 7.24's {@code CommandContextInterceptor}, which comes
 * after the custom pre interceptors, pushes one per top-level command and lets nested commands reuse it). So a
 * delegate that calls the engine inside a command, and work without an authenticated user (job executor, tests of
 * the process models), pass unchecked. Everyone authenticated is checked, administrators too: the form is the
 * contract for all.
 * <p>
 * The check itself needs a command context (to read the task, its variables and its deployed form), so it runs in
 * a post interceptor ({@link Check}), inside the command's own context and transaction, just before the command:
 * one transaction instead of a separate read, and a refusal rolls back the command before it wrote anything. The
 * marker hands the exact command object to the check through a thread-local, so nested commands (same thread, same
 * context) are never mistaken for it.
 */
final class FormSubmissionInterceptors {

    private static final ThreadLocal<Command<?>> TO_CHECK = new ThreadLocal<>();

    private FormSubmissionInterceptors() {
    }

    /** Pre interceptor: marks a top-level form submission by an authenticated user. */
    static final class Marker extends CommandInterceptor {

        private final BooleanSupplier authenticated;

        Marker(BooleanSupplier authenticated) {
            this.authenticated = authenticated;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() != null || !Submission.submitsAForm(command)
                    || !authenticated.getAsBoolean()) {
                return next.execute(command);
            }
            TO_CHECK.set(command);
            try {
                return next.execute(command);
            } catch (OptimisticLockingException raced) {
                RejectionScope.recordConflict("Someone else changed this at the same moment (e.g. completed the "
                        + "same task); nothing of yours was saved. Reload and try again.");
                throw raced;
            } finally {
                TO_CHECK.remove();
            }
        }
    }

    /** Post interceptor: checks the marked command inside its command context, before it runs. */
    static final class Check extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (TO_CHECK.get() == command) {
                TO_CHECK.remove();
                FormSubmissionCheck.check(Submission.of(command), Context.getCommandContext());
            }
            return next.execute(command);
        }
    }
}
