package org.quorum.notifications.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.quorum.calendar.WorkingDays;
import org.quorum.notifications.NotificationsProperties;
import org.springframework.stereotype.Component;

/** The words of each mail: plain text, naming the task, its process and business key, its due date and a link. */
@Component
class MailText {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);

    private final String baseUrl;
    private final ZoneId zone;

    MailText(NotificationsProperties properties, WorkingDays calendar) {
        this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
        this.zone = calendar.zone();
    }

    QueuedMail compose(MailKind kind, Recipient to, TaskMail task) {
        String subject = "[Quorum] " + headline(kind) + ": " + task.taskName()
                + (task.businessKey() == null ? "" : " (" + task.businessKey() + ")");
        String body = "Dear " + to.name() + ",\n\n"
                + opening(kind, task) + "\n\n"
                + details(task) + "\n"
                + "You receive this mail because of your tasks in Quorum. To receive a daily digest instead, or no "
                + "mail, change your choice with PUT " + baseUrl + "/api/me/notifications.\n";
        return new QueuedMail(to, kind, task.taskId(), subject, body);
    }

    /** The part of a mail that a digest repeats for each task. */
    String details(TaskMail task) {
        return "Task:     " + task.taskName() + "\n"
                + "Process:  " + task.processName() + "\n"
                + "Business key: " + (task.businessKey() == null ? "(none)" : task.businessKey()) + "\n"
                + "Due:      " + (task.due() == null ? "no due date"
                        : DUE.format(task.due().atZone(zone)) + " (" + zone.getId() + ")") + "\n"
                + "Open it:  " + taskLink(task.taskId()) + "\n";
    }

    String taskLink(String taskId) {
        return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    private static String headline(MailKind kind) {
        return switch (kind) {
            case ASSIGNED -> "Task assigned to you";
            case OFFERED -> "New task for your group";
            case REMINDER -> "Task due soon";
            case OVERDUE -> "Task overdue";
            case OFFICE_OVERDUE -> "Task of your office overdue";
            case DIGEST -> "Your tasks";
        };
    }

    private static String opening(MailKind kind, TaskMail task) {
        String actingFor = task.actingFor() == null ? "" : ", acting for " + task.actingFor();
        return switch (kind) {
            case ASSIGNED -> "The task \"" + task.taskName() + "\" has been assigned to you" + actingFor + ".";
            case OFFERED -> "A new task, \"" + task.taskName() + "\", is waiting for your group. Claim it in "
                    + "Tasklist to work on it.";
            case REMINDER -> "Your task \"" + task.taskName() + "\"" + actingFor + " is due soon.";
            case OVERDUE -> "Your task \"" + task.taskName() + "\"" + actingFor + " is overdue.";
            case OFFICE_OVERDUE -> "The task \"" + task.taskName() + "\" of the office you head" + actingFor
                    + " is overdue.";
            case DIGEST -> "Your tasks.";
        };
    }
}
