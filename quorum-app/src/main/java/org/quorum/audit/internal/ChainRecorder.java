package org.quorum.audit.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quorum.history.TransactionBatch;
import org.quorum.history.Transition;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends each process instance's audit entries to its hash chain, in the engine's own transaction.
 * <p>
 * The transitions of the engine's history (see {@code org.quorum.history}) arrive on the engine's thread, after
 * the database history handler (see {@code DatabaseHistoryFirst}), so their ids are set. Only the entry's kind
 * ({@link ChainEntries}) and row id are collected then; just before commit, after the engine has flushed its
 * history rows, each entry's content is read back from those rows, hashed onto the instance's chain and stored. Reading back rather than hashing the
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
    /** The entries of a transaction, in the order the engine produced them; chained before it commits. */
    private final TransactionBatch<ChainEntry> batch = new TransactionBatch<>("Audit entries", this::append);

    ChainRecorder(JdbcTemplate jdbc, CanonicalContent content) {
        this.jdbc = jdbc;
        this.content = content;
    }

    @EventListener
    void on(Transition transition) {
        ChainEntries.of(transition).filter(entry -> entry.processInstanceId() != null && entry.key() != null)
                .forEach(batch::add);
    }

    /** Appends a transaction's entries; an entry the engine produced twice counts once. */
    private void append(List<ChainEntry> produced) {
        Set<ChainEntry> entries = new LinkedHashSet<>(produced);
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
}
