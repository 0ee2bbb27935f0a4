package org.quorum.events.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.quorum.events.EventsProperties;
import org.quorum.history.RunningCommand;
import org.quorum.history.TransactionBatch;
import org.quorum.history.Transition;
import org.quorum.infrastructure.jdbc.KeyList;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the current state of every process instance (table {@code quorum_process_state}) and puts it on the
 * state topic, in the transaction that changes it: the transaction's transitions (and declared decisions) are
 * collected per instance while the engine runs; at commit, after the outbox wrote the transaction's lifecycle
 * events, each touched instance's state is read with a row lock (so concurrent transactions of one instance apply
 * one after the other), changed, saved, and written to the outbox as one record, behind its lifecycle events.
 * Camunda's runtime tables are not read: the transitions say everything the state shows. Only an instance the
 * projection has no state of yet, running since before the state topic existed, is read back from its history
 * ({@link StateFromHistory}).
 */
@Component
class ProcessStateProjection {

    private static final String LOCK = """
            select state::text from quorum_process_state where process_instance_id in %s
            order by process_instance_id for update""";
    private static final String SAVE = """
            insert into quorum_process_state (process_instance_id, ended, state)
            select s.id, s.ended, s.state::jsonb from unnest(?::varchar[], ?::boolean[], ?::text[]) as s(id, ended, state)
            on conflict (process_instance_id)
            do update set ended = excluded.ended, state = excluded.state, updated_at = now()""";

    private final JdbcTemplate jdbc;
    private final TransactionalOutbox outbox;
    private final StateRecords records;
    private final StateFromHistory fromHistory;
    private final boolean enabled;
    private final TransactionBatch<Change> batch;

    ProcessStateProjection(JdbcTemplate jdbc, TransactionalOutbox outbox, StateRecords records,
                           StateFromHistory fromHistory, OutboxSignal signal, EventsProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.records = records;
        this.fromHistory = fromHistory;
        this.enabled = properties.enabled();
        this.batch = new TransactionBatch<>("Process state changes", TransactionalOutbox.ORDER + 1,
                new TransactionBatch.Owner<>() {
                    @Override
                    public void beforeCommit(List<Change> changes) {
                        write(changes);
                    }

                    @Override
                    public void afterCommit(List<Change> changes) {
                        signal.eventsCommitted();
                    }
                });
    }

    /** A change to one instance's state, applied at commit in the order the changes happened. */
    private record Change(String processInstanceId, boolean start, Consumer<InstanceState> apply) {
    }

    @EventListener
    void on(Transition transition) {
        String instanceId = transition.instance().processInstanceId();
        if (enabled && instanceId != null && InstanceState.shows(transition)) {
            String actor = RunningCommand.actor();
            batch.add(new Change(instanceId, transition instanceof Transition.ProcessStarted,
                    state -> state.apply(transition, actor)));
        }
    }

    /** A declared decision reached by the instance; {@code type} is its CloudEvent type. */
    void decided(String processInstanceId, String type, Instant at) {
        String actor = RunningCommand.actor();
        batch.add(new Change(processInstanceId, false, state -> state.decided(type, at, actor)));
    }

    private void write(List<Change> changes) {
        // Sorted: row locks in one global order, so two transactions touching the same instances cannot deadlock.
        Map<String, List<Change>> byInstance = new TreeMap<>();
        changes.forEach(c -> byInstance.computeIfAbsent(c.processInstanceId(), id -> new ArrayList<>()).add(c));
        Map<String, ProcessState> committed = new HashMap<>();
        // An instance started in this transaction has no committed state to read or lock: no other transaction can
        // see it before this one commits. Skipping it saves the one-task model's start a statement.
        List<String> existing = byInstance.entrySet().stream().filter(e -> !startedHere(e.getValue()))
                .map(Map.Entry::getKey).toList();
        for (KeyList part : KeyList.parts(existing)) {
            jdbc.query(LOCK.formatted(part.placeholders()), (rs, n) -> records.fromJson(rs.getString(1)),
                    part.parameters()).forEach(state -> committed.put(state.processInstanceId(), state));
        }
        Map<String, Long> sequences = outbox.lifecycleSequences();
        List<ProcessState> states = new ArrayList<>(byInstance.size());
        byInstance.forEach((id, ofInstance) -> {
            ProcessState last = committed.get(id);
            InstanceState state = startedHere(ofInstance) ? InstanceState.start(id)
                    : last != null ? InstanceState.of(last) : fromHistory.read(id);
            ofInstance.forEach(change -> change.apply().accept(state));
            states.add(state.snapshot(sequences.get(id)));
        });
        List<String> json = states.stream().map(records::toJson).toList();
        jdbc.update(SAVE, states.stream().map(ProcessState::processInstanceId).toArray(String[]::new),
                states.stream().map(ProcessState::ended).toArray(Boolean[]::new), json.toArray(String[]::new));
        List<PendingEvent> stateRecords = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            stateRecords.add(records.state(states.get(i), json.get(i)));
        }
        outbox.write(stateRecords);
    }

    /**
     * Whether the instance started in this transaction; otherwise, without a state record, it was running before
     * the state topic existed, and its history has what the transaction's changes are applied to (applying a
     * change the history already shows again leaves the state as it is: each one sets what it changes).
     */
    private static boolean startedHere(List<Change> changes) {
        return changes.stream().anyMatch(Change::start);
    }
}
