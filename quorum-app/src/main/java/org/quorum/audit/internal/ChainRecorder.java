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
 * transactions touching the same instances cannot deadlock. An instance started in the transaction needs no lock:
 * no other transaction can see it yet. A rolled-back transaction chains nothing.
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
    /**
     * One statement for the whole transaction: the heads of the instances it started (a plain insert: should a head
     * exist after all, the statement fails and the transaction with it, rather than restarting a chain), the
     * heads it moved, and its entries. It was a head update per instance plus the insert.
     */
    private static final String WRITE = """
            with started as (
                insert into quorum_audit_chain_head (process_instance_id, last_position, last_hash)
                select * from unnest(?::varchar[], ?::bigint[], ?::char(64)[])),
            moved as (
                update quorum_audit_chain_head h set last_position = m.last_position, last_hash = m.last_hash,
                    updated_at = now()
                from unnest(?::varchar[], ?::bigint[], ?::char(64)[]) as m(process_instance_id, last_position,
                    last_hash)
                where h.process_instance_id = m.process_instance_id)
            insert into quorum_audit_chain (process_instance_id, position, entry_kind, entry_key, hash, version)
            select *, ?::smallint
            from unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::char(64)[])""";
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

    private final ActorIndex actors;

    ChainRecorder(JdbcTemplate jdbc, CanonicalContent content, ActorIndex actors) {
        this.jdbc = jdbc;
        this.content = content;
        this.actors = actors;
    }

    @EventListener
    void on(Transition transition) {
        ChainEntries.of(transition).filter(entry -> entry.processInstanceId() != null && entry.key() != null)
                .forEach(batch::add);
        // After the entries: the chain's batch is then registered first in the transaction (see ActorIndex).
        actors.record(transition);
    }

    /** Appends a transaction's entries; an entry the engine produced twice counts once. */
    private void append(List<ChainEntry> produced) {
        Set<ChainEntry> entries = new LinkedHashSet<>(produced);
        if (entries.isEmpty()) {
            return;
        }
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
        Heads started = new Heads();
        Heads moved = new Heads();
        List<String> instances = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        byInstance.keySet().stream().sorted().forEach(instance -> {
            // An instance this transaction started has no head yet, and no other transaction can see it to append
            // to it: nothing to lock or read. Any other instance's head is locked first, in id order.
            boolean startedHere = entries.contains(new ChainEntry(instance, EntryKind.PROCESS_STARTED, instance));
            Map<String, Object> head = startedHere ? null : jdbc.queryForMap(LOCK_HEAD, instance, ChainHash.GENESIS);
            long position = head == null ? 0 : ((Number) head.get("last_position")).longValue();
            String hash = head == null ? ChainHash.GENESIS : ((String) head.get("last_hash")).trim();
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
            (startedHere ? started : moved).add(instance, position, hash);
        });
        // The PostgreSQL driver binds Java arrays as SQL arrays.
        jdbc.update(WRITE, started.ids(), started.positions(), started.hashes(), moved.ids(), moved.positions(),
                moved.hashes(), ChainVersion.CURRENT, instances.toArray(String[]::new),
                positions.toArray(Long[]::new), kinds.toArray(String[]::new), keys.toArray(String[]::new),
                hashes.toArray(String[]::new));
        // After the entries: the instance's head exists by now, and so do those of the instances it called.
        entries.stream().filter(entry -> entry.kind() == EntryKind.PROCESS_ENDED).map(ChainEntry::key)
                .forEach(instance -> jdbc.update(RECORD_REMOVAL_TIME, instance, instance));
    }

    /** Where a transaction leaves instances' chains: their last position and hash, as SQL array parameters. */
    private static final class Heads {
        private final List<String> ids = new ArrayList<>();
        private final List<Long> positions = new ArrayList<>();
        private final List<String> hashes = new ArrayList<>();

        void add(String instance, long position, String hash) {
            ids.add(instance);
            positions.add(position);
            hashes.add(hash);
        }

        String[] ids() {
            return ids.toArray(String[]::new);
        }

        Long[] positions() {
            return positions.toArray(Long[]::new);
        }

        String[] hashes() {
            return hashes.toArray(String[]::new);
        }
    }
}
