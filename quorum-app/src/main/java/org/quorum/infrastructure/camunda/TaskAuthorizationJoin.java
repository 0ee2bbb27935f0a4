package org.quorum.infrastructure.camunda;

import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's task query (Tasklist's filters, {@code /engine-rest/task}) linear in the number of open tasks
 * when authorization is on.
 * <p>
 * Camunda 7.24's {@code Task.xml} joins the caller's authorizations with
 * {@code AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))}. PostgreSQL can neither hash nor index an
 * {@code OR} of equalities over two joined tables, so it compares every candidate task with every authorization
 * row; and Camunda writes one authorization row per task for each candidate group. Measured on an officer's
 * "My group tasks" count: 17.8 s in PostgreSQL with 10,020 open tasks, growing with their square (the upstream
 * report is camunda-bpm-platform#2217; the CIB seven and Operaton forks changed the mapping, Camunda 7 CE did
 * not, and it has no setting for it: its {@code authJoinStart}/{@code authJoinSeparator} properties only choose
 * the list's syntax).
 * <p>
 * This MyBatis interceptor, on the task list and count statements only, rewrites that one join into a lateral
 * lookup per task: the three keys Camunda compares, each looked up in the same authorization rows (the same
 * {@code WHERE} with the same parameters, in the same order), through the index on {@code RESOURCE_ID_}; at most
 * one row per task. Camunda reads only {@code AUTH.RESOURCE_ID_ IS NOT NULL} from the join, and its queries select
 * {@code distinct}, so the answer is the same: the same tasks, counted once. 72 ms for the same count.
 * If a Camunda version writes the join differently, the statement runs as Camunda wrote it (and
 * {@code TaskAuthorizationJoinIT} fails, since it checks that the rewrite happens).
 */
@Component
public class TaskAuthorizationJoin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TaskAuthorizationJoin.class);

    private static final String TASK_MAPPER = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
    private static final Set<String> STATEMENTS = Set.of(TASK_MAPPER + "selectTaskByQueryCriteria",
            TASK_MAPPER + "selectTaskCountByQueryCriteria");

    /** Camunda's join (authCheckJoinWithoutOnClause and Task.xml's ON clause), whitespace as MyBatis leaves it. */
    private static final Pattern JOIN = Pattern.compile("""
            (left join|inner join)\\s*\\(\\s*SELECT A\\.\\*\\s+FROM\\s+(\\S*)ACT_RU_AUTHORIZATION A\\s+WHERE\
            (.*?)\\)\\s*AUTH ON \\(AUTH\\.RESOURCE_ID_ IN \\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\)""",
            Pattern.DOTALL);

    private final AtomicLong rewritten = new AtomicLong();

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Rewrite());
    }

    /** How many task queries ran with the rewritten join since the engine started. */
    public long rewritten() {
        return rewritten.get();
    }

    /** The statement with Camunda's authorization join rewritten, or {@code null} if it has no such join. */
    static String rewrite(String sql) {
        Matcher join = JOIN.matcher(sql);
        if (!join.find()) {
            return null;
        }
        String lookup = join.group(1) + " lateral (SELECT K.RESOURCE_ID_"
                + " FROM (VALUES (RES.ID_), (D.KEY_), ('*')) K (RESOURCE_ID_)"
                + " WHERE K.RESOURCE_ID_ IN (SELECT A.RESOURCE_ID_ FROM " + join.group(2) + "ACT_RU_AUTHORIZATION A"
                + " WHERE" + join.group(3) + ") LIMIT 1) AUTH ON TRUE";
        return sql.substring(0, join.start()) + lookup + sql.substring(join.end());
    }

    @Intercepts(@Signature(type = StatementHandler.class, method = "prepare",
            args = {Connection.class, Integer.class}))
    private final class Rewrite implements Interceptor {

        /**
         * Every statement the engine runs passes here; only those with an authorization join (a plain string test
         * on the SQL the handler already holds) are looked at further, by reflection.
         */
        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            BoundSql bound = ((StatementHandler) invocation.getTarget()).getBoundSql();
            if (bound.getSql().contains("AUTH ON")) {
                MetaObject handler = SystemMetaObject.forObject(invocation.getTarget());
                MappedStatement statement = (MappedStatement) handler.getValue("delegate.mappedStatement");
                if (STATEMENTS.contains(statement.getId())) {
                    String sql = rewrite(bound.getSql());
                    if (sql != null) {
                        SystemMetaObject.forObject(bound).setValue("sql", sql);
                        rewritten.incrementAndGet();
                    } else {
                        log.warn("Camunda's task query joins authorizations in a form Quorum does not know; it "
                                + "runs as written, which is slow with many open tasks ({})", statement.getId());
                    }
                }
            }
            return invocation.proceed();
        }
    }
}
