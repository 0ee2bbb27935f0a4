package org.quorum.notifications.internal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.quorum.events.client.Gap;
import org.quorum.events.client.QuorumEvent;
import org.quorum.events.client.QuorumEventListener;
import org.quorum.infrastructure.camunda.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifier's side of the consumer kit: each task event that can call for mail is handled once, whatever Kafka
 * redelivers. Its id and its mails are written in one transaction, so after a crash either both are there (the
 * redelivered event finds its id and queues nothing) or neither (it is handled again). A task that is no longer
 * open when its event is read (completed meanwhile) gets no mail: nobody needs to be told about finished work.
 */
@Component
class EventNotifications implements QuorumEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventNotifications.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TaskEventMails mails;
    private final MailQueue queue;
    private final TaskService tasks;

    EventNotifications(JdbcTemplate jdbc, TransactionTemplate transaction, TaskEventMails mails, MailQueue queue,
                       TaskService tasks) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mails = mails;
        this.queue = queue;
        this.tasks = tasks;
    }

    @Override
    public void onEvent(QuorumEvent event) {
        String taskId = TaskEventMails.taskOf(event);
        if (taskId == null) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            int first = jdbc.update("insert into quorum_notification_event (event_id) values (?) on conflict do nothing",
                    event.envelope().id());
            if (first == 0) {
                return;
            }
            Task open = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (open == null) {
                return;
            }
            queue.add(mails.of(event, open), EngineClock.now());
        });
    }

    @Override
    public void onGap(Gap gap) {
        // Events lost to retention cannot be mailed about; reminders still reach those tasks' people.
        LOG.warn("Notifier: {}", gap);
    }
}
