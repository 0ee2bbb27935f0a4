package org.quorum.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jepsen-style accounting from the outside, per phase of the run: what the nodes acknowledged (the ledger)
 * against what history holds (PostgreSQL) and what a plain consumer read from both topics (Kafka).
 * <ul>
 * <li>lost in history: an acknowledged start or completion that history does not hold;</li>
 * <li>lost on Kafka: an acknowledged start without its {@code process.started} event, or an acknowledged
 *     completion without its {@code task.completed} event;</li>
 * <li>invented: an event that no committed outbox row holds, a start or completion event history does not hold,
 *     or a task acknowledged as completed twice (to two officers);</li>
 * <li>out of order: after dropping repeated ids, a record whose {@code sequence} is not above its key's last;
 *     gaps: one that skips a number (an event lost between two that arrived);</li>
 * <li>duplicate ids: records whose CloudEvent id came before.</li>
 * </ul>
 * Kafka-side counts go to the phase in which the event's outbox row was written, except duplicates: they go to the
 * phase in which the repeated record was produced (its timestamp), since a row written before a fault is sent
 * again because of that fault.
 */
final class Accounting {

    record Row(int acknowledged, int lostInHistory, int lostOnKafka, int invented, int outOfOrder, int gaps,
               int duplicates) {
    }

    private Accounting() {
    }

    static List<Row> account(Ledger ledger, List<Long> phaseOutboxStart, List<Long> phaseStartMillis,
                             List<TopicReader.Event> events,
                             PostgresServer postgres) throws SQLException {
        int phases = ledger.phases().size();
        int[] acknowledged = new int[phases];
        int[] lostInHistory = new int[phases];
        int[] lostOnKafka = new int[phases];
        int[] invented = new int[phases];
        int[] outOfOrder = new int[phases];
        int[] gaps = new int[phases];
        int[] duplicates = new int[phases];

        Set<String> instances = new HashSet<>();
        Set<String> completedTasks = new HashSet<>();
        Map<String, Long> outboxIds = new HashMap<>();
        try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
            collect(s, "select id_ from act_hi_procinst", instances);
            collect(s, "select id_ from act_hi_taskinst where end_time_ is not null and delete_reason_ = 'completed'",
                    completedTasks);
            try (ResultSet r = s.executeQuery("select event_id::text, id from quorum_event_outbox")) {
                while (r.next()) {
                    outboxIds.put(r.getString(1), r.getLong(2));
                }
            }
        }

        Set<String> startedOnKafka = new HashSet<>();
        Set<String> completedOnKafka = new HashSet<>();
        Set<String> seenIds = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        // Partition order is the order a consumer sees; a key lives in one partition.
        List<TopicReader.Event> ordered = new ArrayList<>(events);
        ordered.sort(java.util.Comparator.comparing(TopicReader.Event::topic)
                .thenComparingInt(TopicReader.Event::partition).thenComparingLong(TopicReader.Event::offset));
        for (TopicReader.Event event : ordered) {
            Long outboxId = outboxIds.get(event.id());
            int phase = outboxId == null ? 0 : phaseOf(outboxId, phaseOutboxStart);
            if (!seenIds.add(event.id())) {
                duplicates[phaseOf(event.timestamp(), phaseStartMillis)]++;
                continue;
            }
            if (outboxId == null) {
                invented[phase]++;
            }
            if ("quorum.process.started.v1".equals(event.type())) {
                startedOnKafka.add(event.subject());
                if (!instances.contains(event.subject())) {
                    invented[phase]++;
                }
            } else if ("quorum.task.completed.v1".equals(event.type())) {
                completedOnKafka.add(event.subject());
                if (!completedTasks.contains(event.subject())) {
                    invented[phase]++;
                }
            }
            String key = event.topic() + "/" + event.key();
            long last = lastSequence.getOrDefault(key, 0L);
            if (event.sequence() <= last) {
                outOfOrder[phase]++;
            } else {
                if (event.sequence() > last + 1) {
                    gaps[phase]++;
                }
                lastSequence.put(key, event.sequence());
            }
        }

        Set<String> acknowledgedTasks = new HashSet<>();
        for (Ledger.Ack ack : ledger.acks()) {
            acknowledged[ack.phase()]++;
            if (ack.kind() == Ledger.Kind.START) {
                lostInHistory[ack.phase()] += instances.contains(ack.id()) ? 0 : 1;
                lostOnKafka[ack.phase()] += startedOnKafka.contains(ack.id()) ? 0 : 1;
            } else {
                lostInHistory[ack.phase()] += completedTasks.contains(ack.id()) ? 0 : 1;
                lostOnKafka[ack.phase()] += completedOnKafka.contains(ack.id()) ? 0 : 1;
                if (!acknowledgedTasks.add(ack.id())) {
                    invented[ack.phase()]++;
                }
            }
        }

        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < phases; p++) {
            rows.add(new Row(acknowledged[p], lostInHistory[p], lostOnKafka[p], invented[p], outOfOrder[p], gaps[p],
                    duplicates[p]));
        }
        return rows;
    }

    private static int phaseOf(long outboxId, List<Long> phaseOutboxStart) {
        int phase = 0;
        for (int p = 1; p < phaseOutboxStart.size(); p++) {
            if (outboxId > phaseOutboxStart.get(p)) {
                phase = p;
            }
        }
        return phase;
    }

    private static void collect(Statement statement, String sql, Set<String> into) throws SQLException {
        try (ResultSet r = statement.executeQuery(sql)) {
            while (r.next()) {
                into.add(r.getString(1));
            }
        }
    }
}
