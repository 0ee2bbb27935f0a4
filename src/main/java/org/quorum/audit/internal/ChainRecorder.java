package org.quorum.audit.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends each process instance's audit entries to its hash chain, in the engine's own transaction.
 * <p>
 * History events arrive through the Camunda starter's eventing, on the engine's thread, after the database
 * history handler (see {@code DatabaseHistoryFirst}), so their ids are set. Only the entry's kind and row id are
 * collected then; just before commit, after the engine has flushed its history rows, each entry's content is
 * read back from those rows, hashed onto the instance's chain and stored. Reading back rather than hashing the
 * event object makes the write and a later verify use the very same canonical form.
 * <p>
 * The instance's head row is locked first ({@code insert ... on conflict do update}), so concurrent transactions
 * of one instance, on any node, append one after the other; instances are locked in id order so two
 * transactions touching the same instances cannot deadlock. A rolled-back transaction chains nothing.
 * <p>
 * New entries are written by the rules of {@link ChainVersion#CURRENT}. When an instance ends, the removal time
 * of its history is recorded on its head, so that its chain outlives history removed before that time (see
 * {@link ChainCleanup}).
 */
@Component
class ChainRecorder {

    private static final String LOCK_HEAD = """
            insert into quorum_audit_chain_head (process_instance_id, last_position, last_hash) values (?, 0, ?)
            on conflict (process_instance_id) do update set updated_at = now()
            returning last_position, last_hash""";
    private static final String INSERT_ENTRIES = """
            insert into quorum_audit_chain (process_instance_id, position, entry_kind, entry_key, hash, version)
            select *, ?::smallint
            from unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::char(64)[])""";
    private static final String MOVE_HEAD = """
            update quorum_audit_chain_head set last_position = ?, last_hash = ?, updated_at = now()
            where process_instance_id = ?""";
    /**
     * When an instance ends, the removal time Camunda has now set on its history (strategy {@code end}: the end
     * plus the process's time to live; the root's end sets it for the instances it called, which ended before).
     */
    private static final String RECORD_REMOVAL_TIME = """
            update quorum_audit_chain_head h set removal_time = p.removal_time_
            from act_hi_procinst p
            where h.process_instance_id = p.id_ and (p.id_ = ? or p.root_proc_inst_id_ = ?)""";

    private final JdbcTemplate jdbc;
    private final CanonicalContent content;

    ChainRecorder(JdbcTemplate jdbc, CanonicalContent content) {
        this.jdbc = jdbc;
        this.content = content;
    }

    @EventListener
    void on(HistoryEvent event) {
        entries(event).filter(entry -> entry.processInstanceId() != null && entry.key() != null)
                .forEach(entry -> currentBatch().entries.add(entry));
    }

    static Stream<ChainEntry> entries(HistoryEvent event) {
        String type = event.getEventType();
        String instance = event.getProcessInstanceId();
        if (event instanceof HistoricProcessInstanceEventEntity) {
            return switch (type) {
                case "start" -> Stream.of(new ChainEntry(instance, EntryKind.PROCESS_STARTED, instance));
                case "end" -> Stream.of(new ChainEntry(instance, EntryKind.PROCESS_ENDED, instance));
                default -> Stream.empty();
            };
        }
        if (event instanceof HistoricActivityInstanceEventEntity) {
            return switch (type) {
                case "start" -> Stream.of(new ChainEntry(instance, EntryKind.ACTIVITY_STARTED, event.getId()));
                case "end" -> Stream.of(new ChainEntry(instance, EntryKind.ACTIVITY_ENDED, event.getId()));
                default -> Stream.empty();
            };
        }
        if (event instanceof HistoricTaskInstanceEventEntity) {
            return switch (type) {
                case "create" -> Stream.of(new ChainEntry(instance, EntryKind.TASK_CREATED, event.getId()));
                case "complete", "delete" -> Stream.of(new ChainEntry(instance, EntryKind.TASK_ENDED, event.getId()));
                default -> Stream.empty();
            };
        }
        if (event instanceof HistoricIdentityLinkLogEventEntity link) {
            // Camunda's identity link history has no instance column; the task knows its instance.
            String owner = instance != null ? instance : instanceOfTask(link.getTaskId());
            return Stream.of(new ChainEntry(owner, EntryKind.IDENTITY_LINK, event.getId()));
        }
        if (event instanceof HistoricVariableUpdateEventEntity) {
            return Stream.of(new ChainEntry(instance, EntryKind.VARIABLE_UPDATED, event.getId()));
        }
        if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
            List<HistoricDecisionInstanceEntity> decisions = new ArrayList<>();
            decisions.add(evaluation.getRootHistoricDecisionInstance());
            if (evaluation.getRequiredHistoricDecisionInstances() != null) {
                decisions.addAll(evaluation.getRequiredHistoricDecisionInstances());
            }
            return decisions.stream().map(decision ->
                    new ChainEntry(decision.getProcessInstanceId(), EntryKind.DECISION_EVALUATED, decision.getId()));
        }
        if (event instanceof HistoricIncidentEventEntity) {
            return switch (type) {
                case "create" -> Stream.of(new ChainEntry(instance, EntryKind.INCIDENT_CREATED, event.getId()));
                case "resolve", "delete" -> Stream.of(new ChainEntry(instance, EntryKind.INCIDENT_ENDED, event.getId()));
                default -> Stream.empty();
            };
        }
        if (event instanceof UserOperationLogEntryEventEntity) {
            // Written only for an authenticated user's operations (Camunda's default), one row per changed
            // property; rows not about an instance (a deployment, a filter) have no instance and are not chained.
            return Stream.of(new ChainEntry(instance, EntryKind.OPERATION_LOGGED, event.getId()));
        }
        return Stream.empty();
    }

    private static String instanceOfTask(String taskId) {
        CommandContext context = Context.getCommandContext();
        if (context == null || taskId == null) {
            return null;
        }
        TaskEntity task = context.getDbEntityManager().getCachedEntity(TaskEntity.class, taskId);
        if (task == null) {
            task = context.getTaskManager().findTaskById(taskId);
        }
        return task == null ? null : task.getProcessInstanceId();
    }

    private Batch currentBatch() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Audit entries can only be chained inside a transaction");
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Batch batch && batch.recorder() == this) {
                return batch;
            }
        }
        Batch batch = new Batch();
        TransactionSynchronizationManager.registerSynchronization(batch);
        return batch;
    }

    private void append(Set<ChainEntry> entries) {
        Map<String, List<ChainEntry>> byInstance = new LinkedHashMap<>();
        Map<EntryKind, Set<String>> keysByKind = new EnumMap<>(EntryKind.class);
        entries.forEach(entry -> {
            byInstance.computeIfAbsent(entry.processInstanceId(), id -> new ArrayList<>()).add(entry);
            keysByKind.computeIfAbsent(entry.kind(), kind -> new LinkedHashSet<>()).add(entry.key());
        });
        // One query per kind of entry rather than one per entry: a transaction has a handful of kinds and often
        // ten or more entries, and every statement costs PostgreSQL, which shares the machine with the engine.
        Map<EntryKind, Map<String, Map<String, Object>>> contents = new EnumMap<>(EntryKind.class);
        keysByKind.forEach((kind, keys) -> contents.put(kind, content.readAll(kind, keys)));
        List<String> instances = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        byInstance.keySet().stream().sorted().forEach(instance -> {
            Map<String, Object> head = jdbc.queryForMap(LOCK_HEAD, instance, ChainHash.GENESIS);
            long position = ((Number) head.get("last_position")).longValue();
            String hash = ((String) head.get("last_hash")).trim();
            for (ChainEntry entry : byInstance.get(instance)) {
                // A row the engine did not write (a variable deleted without detail history) is not an entry.
                Map<String, Object> current = contents.get(entry.kind()).get(entry.key());
                if (current == null) {
                    continue;
                }
                hash = ChainHash.next(hash, content.serialise(current));
                instances.add(instance);
                positions.add(++position);
                kinds.add(entry.kind().code());
                keys.add(entry.key());
                hashes.add(hash);
            }
            jdbc.update(MOVE_HEAD, position, hash, instance);
        });
        if (!instances.isEmpty()) {
            // The PostgreSQL driver binds Java arrays as SQL arrays.
            jdbc.update(INSERT_ENTRIES, ChainVersion.CURRENT, instances.toArray(String[]::new),
                    positions.toArray(Long[]::new), kinds.toArray(String[]::new), keys.toArray(String[]::new),
                    hashes.toArray(String[]::new));
        }
        // After the entries: the instance's head exists by now, and so do those of the instances it called.
        entries.stream().filter(entry -> entry.kind() == EntryKind.PROCESS_ENDED).map(ChainEntry::key)
                .forEach(instance -> jdbc.update(RECORD_REMOVAL_TIME, instance, instance));
    }

    /** The entries of one transaction, in the order the engine produced them; chained before it commits. */
    private final class Batch implements TransactionSynchronization {

        private final Set<ChainEntry> entries = new LinkedHashSet<>();

        ChainRecorder recorder() {
            return ChainRecorder.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!entries.isEmpty()) {
                append(entries);
            }
        }
    }
}
