package org.quorum.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.quorum.calendar.WorkingDays;
import org.quorum.infrastructure.camunda.QueryPages;
import org.quorum.notifications.NotificationsProperties;
import org.quorum.positions.Incumbent;
import org.quorum.positions.Position;
import org.quorum.positions.Positions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and overdue notices for every process, from the tasks' own due dates: no model needs a timer for them.
 * A task is reminded once {@code reminder-working-days} working days before it is due, and noticed once when its
 * due date passes: to its assignee, or its candidate groups' members while nobody has claimed it; an overdue
 * notice also reaches whoever holds (or acts for) a position heading one of its candidate groups. Each notice is
 * given once per task, kind and due date: the row in {@code quorum_notification_deadline} is written in the
 * transaction that queues its mails, and a second node's insert finds it.
 */
@Component
class DeadlineNotices {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Recipients recipients;
    private final MailText text;
    private final MailQueue queue;
    private final ProcessNames processes;
    private final PositionTitles titles;
    private final Positions positions;
    private final WorkingDays calendar;
    private final NotificationsProperties properties;
    private final OpenTaskFacts facts;

    DeadlineNotices(TaskService tasks, RuntimeService runtime, JdbcTemplate jdbc, TransactionTemplate transaction,
                    Recipients recipients, MailText text, MailQueue queue, ProcessNames processes,
                    PositionTitles titles, Positions positions, WorkingDays calendar,
                    NotificationsProperties properties, OpenTaskFacts facts) {
        this.facts = facts;
        this.tasks = tasks;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.recipients = recipients;
        this.text = text;
        this.queue = queue;
        this.processes = processes;
        this.titles = titles;
        this.positions = positions;
        this.calendar = calendar;
        this.properties = properties;
    }

    /** Queues the notices due at {@code now}; returns how many tasks got one. */
    int noticeDue(Instant now) {
        Instant horizon = calendar.plus(now, properties.reminderWorkingDays());
        List<Task> due = QueryPages.all(tasks.createTaskQuery().active()
                .dueAfter(Date.from(now.minus(properties.overdueWindow())))
                .dueBefore(Date.from(horizon.plusMillis(1))).orderByDueDate().asc().orderByTaskId().asc());
        int noticed = 0;
        for (Task task : due) {
            MailKind kind = task.getDueDate().toInstant().isAfter(now) ? MailKind.REMINDER : MailKind.OVERDUE;
            Boolean given = transaction.execute(status -> notice(task, kind, now));
            noticed += Boolean.TRUE.equals(given) ? 1 : 0;
        }
        return noticed;
    }

    private boolean notice(Task task, MailKind kind, Instant now) {
        int first = jdbc.update("""
                insert into quorum_notification_deadline (task_id, kind, due_at, noticed_at) values (?, ?, ?, ?)
                on conflict do nothing""", task.getId(), kind.name(), new Timestamp(task.getDueDate().getTime()),
                Timestamp.from(now));
        if (first == 0) {
            return false;
        }
        queue.add(mails(task, kind, now), now);
        return true;
    }

    private List<QueuedMail> mails(Task task, MailKind kind, Instant now) {
        List<String> groups = facts.candidateGroups(task.getId());
        String actingFor = task.getAssignee() == null ? null : facts.actingFor(task.getId());
        TaskMail mail = new TaskMail(task.getId(), task.getName(), processName(task), businessKey(task),
                task.getDueDate().toInstant(), titles.actingFor(actingFor));
        Map<String, QueuedMail> byUser = new LinkedHashMap<>();
        List<Recipient> people = task.getAssignee() != null
                ? recipients.user(task.getAssignee()).map(List::of).orElse(List.of())
                : recipients.membersOf(groups);
        people.forEach(r -> byUser.putIfAbsent(r.userId(), text.compose(kind, r, mail)));
        if (kind == MailKind.OVERDUE) {
            for (Position office : titles.heading(groups)) {
                Incumbent head = positions.incumbent(office.code(), now).orElse(null);
                if (head == null) {
                    continue;
                }
                TaskMail asHead = new TaskMail(mail.taskId(), mail.taskName(), mail.processName(),
                        mail.businessKey(), mail.due(), titles.actingFor(head.actingFor()));
                recipients.user(head.userId()).ifPresent(r ->
                        byUser.putIfAbsent(r.userId(), text.compose(MailKind.OFFICE_OVERDUE, r, asHead)));
            }
        }
        return new ArrayList<>(byUser.values());
    }

    private String processName(Task task) {
        if (task.getProcessDefinitionId() == null) {
            return "(no process)";
        }
        return processes.of(task.getProcessDefinitionId().split(":")[0]);
    }

    private String businessKey(Task task) {
        if (task.getProcessInstanceId() == null) {
            return null;
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }
}
