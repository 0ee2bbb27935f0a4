package org.quorum.audit.internal;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.quorum.history.RunningCommand;
import org.quorum.history.TransactionBatch;
import org.quorum.history.Transition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who acted on which process instance, for the audit list's actor filter ({@link InstanceSearch}): the user who
 * started it, and for each task completed in it the authenticated user (the one Camunda's operation log records)
 * and the task's assignee. One row per instance and actor in {@code quorum_audit_actor}, written just before the
 * transaction commits, with the instance's start time copied from {@code act_hi_procinst} so that the list reads
 * an actor's instances newest first from one index instead of probing the history of every instance.
 * <p>
 * Fed by {@link ChainRecorder} after it has collected the same transition, so that in every transaction the
 * chain's head locks come before these inserts: two transactions completing tasks of one instance for the same
 * user meet at the head lock first and cannot deadlock here.
 */
@Component
class ActorIndex {

    private static final String WRITE = """
            insert into quorum_audit_actor (process_instance_id, actor, start_time)
            select p.id_, a.actor, p.start_time_
            from unnest(?::varchar[], ?::varchar[]) with ordinality as a(process_instance_id, actor, n)
            join act_hi_procinst p on p.id_ = a.process_instance_id
            order by a.n
            on conflict do nothing""";
    private static final Comparator<Acted> ORDER = Comparator.comparing(Acted::processInstanceId)
            .thenComparing(Acted::actor);

    private final JdbcTemplate jdbc;
    private final TransactionBatch<Acted> batch = new TransactionBatch<>("Audit actors", this::write);

    ActorIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(Transition transition) {
        String instance = transition.instance() == null ? null : transition.instance().processInstanceId();
        if (instance == null) {
            return;
        }
        if (transition instanceof Transition.ProcessStarted started) {
            add(instance, started.process().startUserId());
        } else if (transition instanceof Transition.TaskEnded ended && ended.completed()) {
            add(instance, RunningCommand.actor());
            add(instance, ended.task().assignee());
        }
    }

    private void add(String instance, String actor) {
        if (actor != null) {
            batch.add(new Acted(instance, actor));
        }
    }

    /** One statement per transaction; rows in one order in every transaction, so inserts of one key queue up. */
    private void write(List<Acted> acted) {
        TreeSet<Acted> rows = new TreeSet<>(ORDER);
        rows.addAll(acted);
        jdbc.update(WRITE, rows.stream().map(Acted::processInstanceId).toArray(String[]::new),
                rows.stream().map(Acted::actor).toArray(String[]::new));
    }

    private record Acted(String processInstanceId, String actor) {
    }
}
