package org.quorum.bench;

import static org.quorum.bench.Report.fmt;

import java.util.function.ToDoubleFunction;

/** The report's "History stage" table: each figure on the empty and the filled database, its target, the ratio. */
final class HistoryTables {

    private static final double MIB = 1_048_576.0;

    private HistoryTables() {
    }

    static void append(StringBuilder md, HistoryStage.Result history) {
        if (history == null) {
            return;
        }
        HistoryStage.Measures empty = history.empty();
        HistoryStage.Measures filled = history.filled();
        md.append("\n### History stage\n\n")
                .append("Filled with ").append(history.clonedInstances()).append(" finished instances (")
                .append(history.rounds()).append(" clones of the seed replay's finished trees, ")
                .append(history.templateInstances()).append(", times spread over ten years) in ")
                .append(fmt(history.fillSeconds())).append(" s, then ").append(history.openTasks())
                .append(" open tasks through the engine in ").append(fmt(history.openTaskSeconds()))
                .append(" s; ").append(fmt(history.bytesPerInstance() / 1024.0))
                .append(" KiB of database per cloned instance. Empty: ").append(empty.historicInstances())
                .append(" historic instances, ").append(empty.openTasks()).append(" open tasks; filled: ")
                .append(filled.historicInstances()).append(" and ").append(filled.openTasks())
                .append(". Queries through HTTP (the audit API as the process owner, Tasklist's query as the ")
                .append("officer), ").append(empty.queries().get("timeline").latency().count())
                .append(" calls each after 5 unmeasured; timeline and verify of instance ")
                .append(history.timelineInstance()).append(" (").append(history.timelineRows())
                .append(" history rows of its own).\n\n");
        md.append("| Measure | empty | filled | target | filled / empty |\n|---|---:|---:|---|---:|\n");
        double emptyRate = empty.oneTask().perSecond();
        double filledRate = filled.oneTask().perSecond();
        md.append("| Throughput, one-task, events on (instances/s) | ").append(fmt(emptyRate)).append(" | ")
                .append(fmt(filledRate)).append(" | filled / empty >= 0.90 | **").append(fmt(filledRate / emptyRate))
                .append("** |\n");
        query(md, history, "auditByProcess", "Audit list by process (regional-endorsement)", "p99 <= 100 ms");
        query(md, history, "auditByBusinessKey", "Audit list by business key", "p99 <= 100 ms");
        query(md, history, "auditByActor", "Audit list by actor (officer)", "p99 <= 100 ms");
        query(md, history, "auditByRareActor", "Audit list by an actor who matches none (every instance looked at)",
                "p99 <= 100 ms");
        query(md, history, "auditByDateRange", "Audit list by date range (30 days)", "p99 <= 100 ms");
        query(md, history, "timeline", "Timeline (timeline.json)", "p99 <= 200 ms at 500 rows");
        query(md, history, "verify", "Verify", "-");
        query(md, history, "myGroupTasks", "My group tasks (Tasklist's filter: page of 15 in HAL and count, officer)",
                "p99 <= 100 ms at 10,000 open tasks");
        cleanup(md, "History cleanup (instances/s; " + empty.cleanup().instances() + " / "
                + filled.cleanup().instances() + " one-task instances)", empty, filled,
                c -> c.instancesPerSecond(), ">= 500 instances/s");
        cleanup(md, "Quorum's chain cleanup after it (chains/s)", empty, filled, c -> c.chainsPerSecond(), "-");
        size(md, "Database (MiB)", empty, filled, HistoryStage.Sizes::databaseBytes);
        size(md, "Camunda history tables (MiB)", empty, filled, HistoryStage.Sizes::historyBytes);
        size(md, "Byte arrays (MiB)", empty, filled, HistoryStage.Sizes::byteArrayBytes);
        size(md, "Audit chain and heads (MiB)", empty, filled, HistoryStage.Sizes::chainBytes);
        size(md, "Outbox (MiB)", empty, filled, HistoryStage.Sizes::outboxBytes);
        size(md, "Process state (MiB)", empty, filled, HistoryStage.Sizes::processStateBytes);
        md.append("| Chain entries / outbox rows | ").append(empty.sizes().chainRows()).append(" / ")
                .append(empty.sizes().outboxRows()).append(" | ").append(filled.sizes().chainRows()).append(" / ")
                .append(filled.sizes().outboxRows()).append(" | - | - |\n");
    }

    private static void query(StringBuilder md, HistoryStage.Result history, String name, String label,
                              String target) {
        HistoryStage.Query empty = history.empty().queries().get(name);
        HistoryStage.Query filled = history.filled().queries().get(name);
        md.append("| ").append(label).append(", p50 / p99 ms").append(total(empty, filled)).append(" | ")
                .append(fmt(empty.latency().p50())).append(" / ").append(fmt(empty.latency().p99())).append(" | ")
                .append(fmt(filled.latency().p50())).append(" / **").append(fmt(filled.latency().p99()))
                .append("** | ").append(target).append(" | ").append(fmt(filled.latency().p99()
                        / empty.latency().p99())).append(" |\n");
    }

    private static String total(HistoryStage.Query empty, HistoryStage.Query filled) {
        return empty.total() == null ? "" : " (total " + empty.total() + " / " + filled.total() + ")";
    }

    private static void cleanup(StringBuilder md, String label, HistoryStage.Measures empty,
                                HistoryStage.Measures filled, ToDoubleFunction<HistoryStage.Cleanup> figure,
                                String target) {
        double before = figure.applyAsDouble(empty.cleanup());
        double after = figure.applyAsDouble(filled.cleanup());
        md.append("| ").append(label).append(" | ").append(fmt(before)).append(" | **").append(fmt(after))
                .append("** | ").append(target).append(" | ").append(fmt(after / before)).append(" |\n");
    }

    private static void size(StringBuilder md, String label, HistoryStage.Measures empty,
                             HistoryStage.Measures filled, ToDoubleFunction<HistoryStage.Sizes> bytes) {
        double before = bytes.applyAsDouble(empty.sizes()) / MIB;
        double after = bytes.applyAsDouble(filled.sizes()) / MIB;
        md.append("| ").append(label).append(" | ").append(fmt(before)).append(" | ").append(fmt(after))
                .append(" | - | ").append(fmt(after / before)).append(" |\n");
    }
}
