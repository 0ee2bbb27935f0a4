package org.quorum.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.quorum.audit.InstancePage;
import org.quorum.audit.InstanceSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit list, read from Camunda's history table of process instances with plain SQL.
 * <p>
 * Camunda's query API cannot say "cancelled" (two end states) or "a user who started the instance or completed
 * one of its tasks" in one query, so this reads {@code act_hi_procinst} directly (and Quorum's index of actors,
 * {@link ActorIndex}), with bound parameters only.
 * Camunda's authorization checks do not apply here; the access filter admits only process owners and
 * administrators, who may read the history of every process.
 */
@Component
public class InstanceSearch {

    private static final String COLUMNS = """
            select p.id_, p.proc_def_key_, d.name_, d.version_, p.business_key_, p.state_, p.start_time_,
                   p.end_time_, p.start_user_id_
            from\s""";
    private static final String DEFINITION = " left join act_re_procdef d on d.id_ = p.proc_def_id_";
    /**
     * With an actor: the instances come from the actor's rows in {@code quorum_audit_actor} (see {@link ActorIndex}),
     * newest first from its index, and the time filters and the order use the start time copied there, which
     * equals the instance's.
     */
    private static final String BY_ACTOR =
            "quorum_audit_actor a join act_hi_procinst p on p.id_ = a.process_instance_id";

    /** How many matches past the requested page are counted before the total becomes a lower bound. */
    public static final int TOTAL_CAP = 1000;

    private final JdbcTemplate jdbc;

    InstanceSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public InstancePage search(SearchCriteria criteria) {
        boolean byActor = criteria.actor() != null;
        String from = byActor ? BY_ACTOR : "act_hi_procinst p";
        String startTime = byActor ? "a.start_time" : "p.start_time_";
        String order = byActor ? " order by a.start_time desc, a.process_instance_id"
                : " order by p.start_time_ desc, p.id_";
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (byActor) {
            // Started the instance or completed one of its tasks (by the operation log's user or as the assignee).
            where.append(" and a.actor = ?");
            args.add(criteria.actor());
        }
        if (criteria.processKey() != null) {
            where.append(" and p.proc_def_key_ = ?");
            args.add(criteria.processKey());
        }
        if (criteria.businessKey() != null) {
            where.append(" and p.business_key_ = ?");
            args.add(criteria.businessKey());
        }
        if (criteria.state() != null) {
            where.append(switch (criteria.state()) {
                case "active" -> " and p.end_time_ is null";
                case "completed" -> " and p.state_ = 'COMPLETED'";
                default -> " and p.state_ in ('EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED')";
            });
        }
        if (criteria.startedAfter() != null) {
            where.append(" and ").append(startTime).append(" >= ?");
            args.add(Timestamp.from(criteria.startedAfter()));
        }
        if (criteria.startedBefore() != null) {
            where.append(" and ").append(startTime).append(" < ?");
            args.add(Timestamp.from(criteria.startedBefore()));
        }
        // Counting every match of a broad filter (an officer who acted on most of ten years' instances) reads
        // every one of them; this counts at most TOTAL_CAP past the page and says whether it stopped there.
        long offset = (long) criteria.page() * criteria.size();
        long cap = offset + criteria.size() + TOTAL_CAP;
        List<Object> countArgs = new ArrayList<>(args);
        countArgs.add(cap + 1);
        long counted = jdbc.queryForObject("select count(*) from (select 1 from " + from + where
                + " limit ?) capped", Long.class, countArgs.toArray());
        boolean exact = counted <= cap;
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(criteria.size());
        pageArgs.add(offset);
        List<InstanceSummary> items = jdbc.query(COLUMNS + from + DEFINITION + where + order + " limit ? offset ?",
                InstanceSearch::summary, pageArgs.toArray());
        return new InstancePage(items, exact ? counted : cap, exact, criteria.page(), criteria.size());
    }

    static InstanceSummary summary(ResultSet rs, int rowNum) throws SQLException {
        return new InstanceSummary(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
                rs.getString(5), state(rs.getString(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                rs.getString(9));
    }

    /** Camunda's five states as a process owner thinks of them. */
    public static String state(String camundaState) {
        if (camundaState == null) {
            return null;
        }
        return switch (camundaState) {
            case "ACTIVE", "SUSPENDED" -> "active";
            case "COMPLETED" -> "completed";
            default -> "cancelled";
        };
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
