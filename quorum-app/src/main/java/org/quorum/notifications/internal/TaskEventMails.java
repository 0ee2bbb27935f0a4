package org.quorum.notifications.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.quorum.events.client.Envelope;
import org.quorum.events.client.QuorumEvent;
import org.quorum.events.client.TaskAssignedData;
import org.quorum.events.client.TaskCreatedData;
import org.springframework.stereotype.Component;

/**
 * Which mails a task event calls for. An assignee hears of a task when it is assigned to them (task.assigned, also
 * sent when a model or a position's routing assigns it at creation), unless they took it themselves; a group task
 * (created with no assignee) reaches every member of its candidate groups, one mail per person, but not the
 * person whose action created it, and only while nobody has taken it: a task a position's routing assigns as it
 * is created goes to its assignee alone. The due date is the task's as it stands now (events of an assignment do
 * not carry it).
 */
@Component
class TaskEventMails {

    private final Recipients recipients;
    private final MailText text;
    private final ProcessNames processes;
    private final PositionTitles positions;
    private final OpenTaskFacts facts;

    TaskEventMails(Recipients recipients, MailText text, ProcessNames processes, PositionTitles positions,
                   OpenTaskFacts facts) {
        this.facts = facts;
        this.recipients = recipients;
        this.text = text;
        this.processes = processes;
        this.positions = positions;
    }

    /** The task an event can call for mail about, or null: only these events are recorded as handled. */
    static String taskOf(QuorumEvent event) {
        if (event instanceof QuorumEvent.TaskCreated created) {
            return created.data().taskId();
        }
        return event instanceof QuorumEvent.TaskAssigned assigned ? assigned.data().taskId() : null;
    }

    /** {@code open}: the task as it stands now; an event's task that is no longer open calls for no mail. */
    List<QueuedMail> of(QuorumEvent event, Task open) {
        Instant due = open.getDueDate() == null ? null : open.getDueDate().toInstant();
        if (event instanceof QuorumEvent.TaskCreated created && open.getAssignee() == null) {
            return offered(created.envelope(), created.data(), due, groups(created.data(), open));
        }
        if (event instanceof QuorumEvent.TaskAssigned assigned && assigned.data().assignee() != null) {
            return assigned(assigned.envelope(), assigned.data(), due, actingFor(assigned, open));
        }
        return List.of();
    }

    /**
     * The groups the event names, and those the task has now: position routing offers a vacant position's task to
     * its office after the creation's event was written, so the event alone would miss that office.
     */
    private List<String> groups(TaskCreatedData data, Task open) {
        Set<String> groups = new LinkedHashSet<>(data.candidateGroups() == null ? List.of() : data.candidateGroups());
        groups.addAll(facts.candidateGroups(open.getId()));
        return List.copyOf(groups);
    }

    private List<QueuedMail> offered(Envelope envelope, TaskCreatedData data, Instant due, List<String> groups) {
        if (data.assignee() != null || groups.isEmpty()) {
            return List.of();
        }
        TaskMail task = new TaskMail(data.taskId(), data.taskName(), processes.of(envelope.processDefinitionKey()),
                envelope.businessKey(), due, null);
        List<QueuedMail> mails = new ArrayList<>();
        for (Recipient member : recipients.membersOf(groups)) {
            if (!member.userId().equals(data.actor())) {
                mails.add(text.compose(MailKind.OFFERED, member, task));
            }
        }
        return mails;
    }

    /**
     * The position the assignee acts for. A claim by an interim holder carries it in the event; a task that
     * position routing assigns as it is created gets its record only after the assignment's event was written, so
     * the task's own record is read, as long as the task is still with that assignee.
     */
    private String actingFor(QuorumEvent.TaskAssigned assigned, Task open) {
        if (assigned.envelope().actingFor() != null) {
            return assigned.envelope().actingFor();
        }
        if (!assigned.data().assignee().equals(open.getAssignee())) {
            return null;
        }
        return facts.actingFor(open.getId());
    }

    private List<QueuedMail> assigned(Envelope envelope, TaskAssignedData data, Instant due, String actingFor) {
        if (data.assignee().equals(data.actor())) {
            return List.of();
        }
        TaskMail task = new TaskMail(data.taskId(), data.taskName(), processes.of(envelope.processDefinitionKey()),
                envelope.businessKey(), due, positions.actingFor(actingFor));
        return recipients.user(data.assignee()).map(to -> List.of(text.compose(MailKind.ASSIGNED, to, task)))
                .orElse(List.of());
    }
}
