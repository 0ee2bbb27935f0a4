package org.quorum.bench;

import static org.quorum.bench.Report.fmt;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.quorum.audit.internal.ChainCleanup;
import org.quorum.bench.driver.Percentiles;
import org.quorum.bench.driver.Throughput;
import org.quorum.bench.driver.Workload;
import org.quorum.endorsement.EndorsementVariables;
import org.quorum.history.HistoryCloner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17, "ten years of history": one Quorum (events on, fsync as the run says, its own data folder) measured on
 * an empty database, then filled with {@code bench.history.instances} finished instances and
 * {@code bench.history.openTasks} open tasks, and measured again the same way.
 * <p>
 * Fill: the seed replay (the four processes driven through the officers' API, as in the demo) leaves the
 * templates: its finished root instances with the instances they called. {@link HistoryCloner} copies them in
 * SQL, with fresh ids and times spread over the last ten years, into every table the product writes for a
 * finished instance (HistoryCloneIT shows the copies equal what the engine wrote). The open tasks are real:
 * regional-endorsement started through the engine and left at its first task (candidate group secretariat).
 * <p>
 * Measures, each phase: one-task throughput with events on (the benchmark's closed loop); p50/p99 over
 * {@code bench.history.samples} HTTP calls of the audit list (by process, business key, actor, date range, as
 * a process owner), one timeline, verify, and Tasklist's "My group tasks" (list and count, as the officer, with
 * authorization on); history cleanup of instances whose removal time is made past; table and database sizes.
 */
record HistoryStage(Settings settings, Path work) {

    private static final List<String> SEED_PROCESSES = List.of("conference-preparation", "regional-endorsement",
            "policy-commission-review", "interim-role-assignment");
    private static final Duration TEN_YEARS = Duration.ofDays(3650);
    private static final String OFFICER_GROUP = "secretariat";
    private static final int TIMELINE_ROWS = 500;
    /** The timeline instance's business key: the cleanup measure leaves it. */
    private static final String TIMELINE_KEY = "TIMELINE-500";

    Result measure() throws Exception {
        Progress.log("History stage: " + settings.historyInstances() + " instances, " + settings.historyOpenTasks()
                + " open tasks, " + settings.historySamples() + " samples per query");
        try (BenchApplication app = BenchApplication.start(work.resolve("history"), Variant.QUORUM_EVENTS_ON,
                settings)) {
            app.deployBenchModel();
            Client http = new Client(app.port());
            JdbcTemplate jdbc = app.jdbc();

            Progress.log("  Templates: replaying the seed");
            JsonNode replay = http.post("demo", "/api/demo/replays/seed-2017", "");
            Progress.log("  -> " + replay);
            awaitSeedEnded(jdbc);
            List<String> templates = jdbc.queryForList("""
                    select p.id_ from act_hi_procinst p where p.id_ = p.root_proc_inst_id_ and p.end_time_ is not null
                      and p.proc_def_key_ = any(?::varchar[])
                      and not exists (select 1 from act_hi_procinst c where c.root_proc_inst_id_ = p.id_
                                      and c.end_time_ is null)
                    order by p.start_time_""", String.class, (Object) SEED_PROCESSES.toArray(String[]::new));
            Map<String, Long> templateInstances = new LinkedHashMap<>();
            jdbc.query("""
                    select proc_def_key_, count(*) from act_hi_procinst where root_proc_inst_id_ = any(?::varchar[])
                    group by proc_def_key_ order by proc_def_key_""",
                    rs -> {
                        templateInstances.put(rs.getString(1), rs.getLong(2));
                    }, (Object) templates.toArray(String[]::new));
            long perRound = templateInstances.values().stream().mapToLong(Long::longValue).sum();
            Progress.log("  -> " + templates.size() + " finished trees, " + templateInstances);
            String timelineInstance = timelineInstance(app.engine(), jdbc);
            long timelineRows = historyRows(jdbc, timelineInstance);

            Measures empty = measures(app, http, "empty", timelineInstance, Instant.now());
            long sizeBefore = databaseBytes(jdbc);

            int rounds = (int) Math.max(1, (settings.historyInstances() + perRound - 1) / perRound);
            long filling = System.nanoTime();
            long cloned = fill(jdbc, templates, rounds, perRound);
            double fillSeconds = (System.nanoTime() - filling) / 1e9;
            long bytesPerInstance = (databaseBytes(jdbc) - sizeBefore) / Math.max(1, cloned);
            Progress.log("  -> " + cloned + " instances in " + fmt(fillSeconds) + " s, " + bytesPerInstance
                    + " bytes per instance");

            long opening = System.nanoTime();
            openTasks(app.engine(), settings.historyOpenTasks());
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            jdbc.execute("vacuum analyze");

            Measures filled = measures(app, http, "filled", timelineInstance,
                    Instant.now().minus(TEN_YEARS.dividedBy(2)));
            return new Result(templateInstances, rounds, cloned, Report.round(fillSeconds),
                    settings.historyOpenTasks(), Report.round(openSeconds), bytesPerInstance, timelineInstance,
                    timelineRows, empty, filled);
        }
    }

    /**
     * The instance whose timeline and verify are measured: the target names one of 500 history rows, and the
     * seed's largest has about 150, so an administrator corrects a note on a one-task instance (each correction a
     * variable update and an operation-log entry; officers may not set variables outside a form) until it has
     * 500, and the officer then claims and completes its task.
     */
    private static String timelineInstance(ProcessEngine engine, JdbcTemplate jdbc) {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("bench-one-task", TIMELINE_KEY)
                .getId();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        IdentityService identity = engine.getIdentityService();
        try {
            identity.setAuthentication("demo", List.of("camunda-admin"));
            for (int revision = 1; historyRows(jdbc, instance) < TIMELINE_ROWS - 4; revision++) {
                engine.getTaskService().setVariable(task, "note", "Correction " + revision + " of the note");
            }
            identity.setAuthentication("officer", List.of(OFFICER_GROUP));
            engine.getTaskService().claim(task, "officer");
            engine.getTaskService().complete(task);
        } finally {
            identity.clearAuthentication();
        }
        return instance;
    }

    private static void awaitSeedEnded(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (jdbc.queryForObject("""
                select count(*) from act_hi_procinst where end_time_ is null
                  and proc_def_key_ in ('conference-preparation', 'regional-endorsement',
                                        'policy-commission-review')""",
                Long.class) > 0) {
            if (System.nanoTime() > deadline) {
                Progress.log("  Some of the seed replay's instances are still running after 3 minutes; the finished "
                        + "trees are the templates");
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Clones the templates {@code rounds} times, round n's times moved back by (rounds - n) / rounds of 10 years. */
    private static long fill(JdbcTemplate jdbc, List<String> templates, int rounds, long perRound) {
        HistoryCloner cloner = new HistoryCloner(jdbc);
        int batch = (int) Math.max(1, 2000 / perRound);
        long cloned = 0;
        long started = System.nanoTime();
        for (int from = 1; from <= rounds; from += batch) {
            List<HistoryCloner.Clone> clones = new ArrayList<>();
            for (int n = from; n < Math.min(rounds + 1, from + batch); n++) {
                clones.add(new HistoryCloner.Clone(n, -TEN_YEARS.toMillis() * (rounds - n) / rounds));
            }
            cloned += cloner.cloneAll(templates, clones).size();
            Progress.log("  Fill: " + cloned + " instances (" + fmt(cloned / ((System.nanoTime() - started) / 1e9))
                    + " per s)");
        }
        return cloned;
    }

    /** regional-endorsement started through the engine and left at "Check completeness" (secretariat). */
    private void openTasks(ProcessEngine engine, int count) throws Exception {
        Progress.log("  Opening " + count + " tasks through the engine");
        new org.quorum.bench.driver.ClosedLoop(settings.officers(), null).drive(new Workload() {
            @Override
            public String processKey() {
                return EndorsementVariables.PROCESS_ID;
            }

            @Override
            public void drive(String businessKey) {
                engine.getRuntimeService().startProcessInstanceByKey(processKey(), businessKey, Map.of(
                        EndorsementVariables.REQUESTING_ADMINISTRATION, "Mexico",
                        EndorsementVariables.FACILITY_TYPE, "REGIONAL_CUSTOMS_LABORATORY",
                        EndorsementVariables.REGION, "AMERICAS_CARIBBEAN"));
            }

            @Override
            public long running() {
                return 0;
            }
        }, "open-task", count);
    }

    private Measures measures(BenchApplication app, Client http, String phase, String timelineInstance,
                              Instant around) throws Exception {
        JdbcTemplate jdbc = app.jdbc();
        Progress.log("  " + phase + ": one-task throughput, events on");
        Throughput oneTask = new Officers(app.engine(), settings.officers()).measure(Model.ONE_TASK,
                "history-" + phase, settings.warmup(), settings.instances());
        app.awaitRelay();
        Progress.log("  -> " + fmt(oneTask.perSecond()) + " instances/s");

        int samples = settings.historySamples();
        List<String> businessKeys = jdbc.queryForList("""
                select business_key_ from act_hi_procinst
                where business_key_ is not null and proc_def_key_ <> 'bench-one-task'
                order by random() limit ?""", String.class, samples);
        String after = around.minus(15, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String before = around.plus(15, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Query> queries = new LinkedHashMap<>();
        String list = "/api/audit/process-instances?";
        queries.put("auditByProcess", http.sample("owner", samples,
                i -> list + "processKey=regional-endorsement"));
        queries.put("auditByBusinessKey", http.sample("owner", samples,
                i -> list + "businessKey=" + encode(businessKeys.get(i % businessKeys.size()))));
        queries.put("auditByActor", http.sample("owner", samples, i -> list + "actor=officer"));
        // The actor filter's worst case: nobody matches, so every instance is looked at.
        queries.put("auditByRareActor", http.sample("owner", samples, i -> list + "actor=nobody-" + i));
        queries.put("auditByDateRange", http.sample("owner", samples,
                i -> list + "startedAfter=" + after + "&startedBefore=" + before));
        queries.put("timeline", http.sample("owner", samples,
                i -> "/api/audit/process-instances/" + timelineInstance + "/timeline.json"));
        queries.put("verify", http.sample("owner", samples,
                i -> "/api/audit/process-instances/" + timelineInstance + "/verify"));
        queries.put("myGroupTasks", http.myGroupTasks(samples));
        queries.forEach((name, query) -> Progress.log("  -> " + name + " " + query));

        explainActorFilter(jdbc);
        Cleanup cleanup = cleanup(app, phase);
        Sizes sizes = Sizes.of(jdbc);
        Progress.log("  -> " + cleanup + "; " + sizes);
        return new Measures(phase, jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class),
                jdbc.queryForObject("select count(*) from act_ru_task", Long.class), oneTask, queries, cleanup, sizes);
    }

    /**
     * Camunda's history cleanup (strategy removalTimeBased, the product's batch size and parallelism) of the
     * one-task instances of this phase's throughput window, their removal time made past: started with
     * {@code cleanUpHistoryAsync(true)} (the job executor runs it as inside its window), timed until no row of
     * theirs is left; then Quorum's chain cleanup of the same instances, timed.
     */
    private Cleanup cleanup(BenchApplication app, String phase) throws Exception {
        JdbcTemplate jdbc = app.jdbc();
        String roots = "select id_ from act_hi_procinst where proc_def_key_ = 'bench-one-task'"
                + " and end_time_ is not null and business_key_ is distinct from '" + TIMELINE_KEY + "'";
        List<String> tables = jdbc.queryForList("""
                select c.table_name from information_schema.columns c where c.table_schema = current_schema()
                  and c.column_name = 'removal_time_'
                  and (c.table_name like 'act\\_hi\\_%' or c.table_name = 'act_ge_bytearray')
                  and exists (select 1 from information_schema.columns r where r.table_schema = c.table_schema
                              and r.table_name = c.table_name and r.column_name = 'root_proc_inst_id_')
                order by c.table_name""", String.class);
        int instances = jdbc.queryForObject("select count(*) from (" + roots + ") r", Integer.class);
        for (String table : tables) {
            jdbc.update("update " + table + " set removal_time_ = localtimestamp - interval '1 day'"
                    + " where root_proc_inst_id_ in (" + roots + ")");
        }
        jdbc.update("update quorum_audit_chain_head set removal_time = localtimestamp - interval '1 day'"
                + " where process_instance_id in (" + roots + ")");
        long rows = 0;
        for (String table : tables) {
            rows += jdbc.queryForObject("select count(*) from " + table + " where removal_time_ < localtimestamp",
                    Long.class);
        }
        Progress.log("  " + phase + ": history cleanup of " + instances + " instances, " + rows + " rows in "
                + tables.size() + " tables");
        long started = System.nanoTime();
        app.engine().getHistoryService().cleanUpHistoryAsync(true);
        long deadline = started + Duration.ofMinutes(20).toNanos();
        String left = String.join(" or ", tables.stream()
                .map(t -> "exists (select 1 from " + t + " where removal_time_ < localtimestamp)").toList());
        while (Boolean.TRUE.equals(jdbc.queryForObject("select " + left, Boolean.class))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("History cleanup did not finish within 20 minutes");
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long chains = jdbc.queryForObject(
                "select count(*) from quorum_audit_chain_head where removal_time < localtimestamp", Long.class);
        long chainStarted = System.nanoTime();
        app.bean(ChainCleanup.class).deleteChainsOfRemovedHistory();
        double chainSeconds = (System.nanoTime() - chainStarted) / 1e9;
        return new Cleanup(instances, rows, Report.round(seconds), Report.round(instances / seconds), chains,
                Report.round(chainSeconds), Report.round(chains / chainSeconds));
    }

    /**
     * The plans of the audit list's actor filter (its capped count and its first page, as {@code InstanceSearch}
     * runs them over the actor index), on standard output.
     */
    private static void explainActorFilter(JdbcTemplate jdbc) {
        String from = " from quorum_audit_actor a join act_hi_procinst p on p.id_ = a.process_instance_id"
                + " where a.actor = 'officer'";
        Progress.log("  Indexes: " + String.join("\n", jdbc.queryForList("""
                select indexdef from pg_indexes where tablename in ('act_hi_procinst', 'quorum_audit_actor',
                  'act_ru_task', 'act_ru_identitylink', 'act_ru_authorization')
                order by tablename, indexname""", String.class)));
        for (String sql : List.of("select count(*) from (select 1" + from + " limit 1101) capped",
                "select p.id_" + from + " order by a.start_time desc, a.process_instance_id limit 50")) {
            Progress.log("  EXPLAIN ANALYZE " + sql + "\n" + String.join("\n",
                    jdbc.queryForList("explain (analyze, buffers) " + sql, String.class)));
        }
    }

    private static long historyRows(JdbcTemplate jdbc, String instance) {
        long rows = 0;
        for (String table : List.of("act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
                "act_hi_op_log", "act_hi_decinst", "act_hi_incident", "act_hi_comment")) {
            rows += jdbc.queryForObject("select count(*) from " + table + " where proc_inst_id_ = ?", Long.class,
                    instance);
        }
        // A task's identity links name the task, not the instance.
        return rows + jdbc.queryForObject("""
                select count(*) from act_hi_identitylink
                where task_id_ in (select id_ from act_hi_taskinst where proc_inst_id_ = ?)""", Long.class, instance);
    }

    private static long databaseBytes(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** HTTP as a browser would call: basic authentication, one connection reused. */
    private static final class Client {

        private final HttpClient http = HttpClient.newHttpClient();
        private final ObjectMapper json = new ObjectMapper();
        private final String base;

        Client(int port) {
            this.base = "http://localhost:" + port;
        }

        JsonNode post(String user, String path, String body) throws Exception {
            return json.readTree(send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), user));
        }

        String get(String user, String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), user);
        }

        private String send(HttpRequest.Builder request, String user) throws Exception {
            HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.statusCode() + " from " + response.uri() + ": "
                        + response.body());
            }
            return response.body();
        }

        /** Five unmeasured calls, then {@code samples} measured ones; the last answer's size is noted. */
        Query sample(String user, int samples, IntFunction<String> path) throws Exception {
            for (int i = 0; i < 5; i++) {
                get(user, path.apply(i));
            }
            long[] nanos = new long[samples];
            String last = null;
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                last = get(user, path.apply(i));
                nanos[i] = System.nanoTime() - t0;
            }
            JsonNode answer = json.readTree(last);
            Long total = answer.has("total") ? answer.path("total").asLong() : null;
            Integer entries = null;
            if (answer.has("entries") || answer.has("items")) {
                entries = answer.path(answer.has("entries") ? "entries" : "items").size();
            }
            return new Query(path.apply(0), Percentiles.ofNanos(nanos), total, entries);
        }

        /**
         * Tasklist's "My group tasks" as Tasklist asks for it: the officer's filter, its first page of 15 newest
         * first in HAL (with the tasks' process definitions, assignees and candidate groups), and its count.
         */
        Query myGroupTasks(int samples) throws Exception {
            JsonNode filters = json.readTree(get("officer", "/engine-rest/filter?resourceType=Task"
                    + "&name=" + encode("My group tasks") + "&firstResult=0&maxResults=1"));
            String filter = filters.get(0).path("id").asText();
            String page = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
            String list = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15";
            long[] nanos = new long[samples];
            long total = 0;
            int size = 0;
            for (int i = -5; i < samples; i++) {
                long t0 = System.nanoTime();
                JsonNode tasks = json.readTree(send(HttpRequest.newBuilder(URI.create(base + list))
                        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
                        .POST(HttpRequest.BodyPublishers.ofString(page)), "officer"));
                total = post("officer", "/engine-rest/filter/" + filter + "/count", "{}").path("count").asLong();
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t0;
                }
                size = tasks.path("_embedded").path("task").size();
            }
            return new Query("POST " + list + " (HAL) " + page + " and POST /engine-rest/filter/" + filter
                    + "/count", Percentiles.ofNanos(nanos), total, size);
        }
    }

    /** @param total the answer's total (audit list, task count); @param entries items or entries in the answer */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Query(String request, Percentiles latency, Long total, Integer entries) {

        @Override
        public String toString() {
            return "p50 " + fmt(latency.p50()) + " ms, p99 " + fmt(latency.p99()) + " ms"
                    + (total == null ? "" : ", total " + total) + (entries == null ? "" : ", " + entries + " shown");
        }
    }

    /** @param rows the history rows of those instances, all gone when the timing stops */
    record Cleanup(int instances, long rows, double seconds, double instancesPerSecond, long chains, double chainSeconds,
                   double chainsPerSecond) {
    }

    record Sizes(long databaseBytes, long historyBytes, long byteArrayBytes, long chainBytes, long chainRows,
                 long outboxBytes, long outboxRows, long processStateBytes) {

        static Sizes of(JdbcTemplate jdbc) {
            return new Sizes(HistoryStage.databaseBytes(jdbc),
                    jdbc.queryForObject("""
                            select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c
                            join pg_namespace s on s.oid = c.relnamespace
                            where c.relkind = 'r' and c.relname like 'act\\_hi\\_%' and s.nspname = current_schema()""",
                            Long.class),
                    size(jdbc, "act_ge_bytearray"),
                    size(jdbc, "quorum_audit_chain") + size(jdbc, "quorum_audit_chain_head"),
                    jdbc.queryForObject("select count(*) from quorum_audit_chain", Long.class),
                    size(jdbc, "quorum_event_outbox") + size(jdbc, "quorum_event_delivery")
                            + size(jdbc, "quorum_event_pending"),
                    jdbc.queryForObject("select count(*) from quorum_event_outbox", Long.class),
                    size(jdbc, "quorum_process_state"));
        }

        private static long size(JdbcTemplate jdbc, String table) {
            return jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table);
        }

        @Override
        public String toString() {
            return "database " + databaseBytes / 1_048_576 + " MiB, history " + historyBytes / 1_048_576
                    + " MiB, chain " + chainBytes / 1_048_576 + " MiB (" + chainRows + " rows), outbox "
                    + outboxBytes / 1_048_576 + " MiB (" + outboxRows + " rows)";
        }
    }

    record Measures(String phase, long historicInstances, long openTasks, Throughput oneTask,
                    Map<String, Query> queries, Cleanup cleanup, Sizes sizes) {
    }

    /**
     * @param templateInstances the seed replay's finished instances cloned, by process (one round of clones)
     * @param timelineInstance  the template instance whose timeline and verify are timed (the largest history)
     * @param timelineRows      its own history rows (activities, tasks, variables, details, links, log, ...)
     */
    record Result(Map<String, Long> templateInstances, int rounds, long clonedInstances, double fillSeconds,
                  int openTasks, double openTaskSeconds, long bytesPerInstance, String timelineInstance,
                  long timelineRows, Measures empty, Measures filled) {
    }
}
