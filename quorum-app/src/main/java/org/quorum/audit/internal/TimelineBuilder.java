package org.quorum.audit.internal;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.quorum.audit.AuditProperties;
import org.quorum.audit.InstanceNotFound;
import org.quorum.audit.InstanceSummary;
import org.quorum.audit.Timeline;
import org.quorum.history.HistoryClassifier;
import org.quorum.history.Transition;
import org.quorum.history.Transition.IdentityLinkChanged;
import org.quorum.history.Transition.Task;
import org.quorum.history.Transition.TaskCreated;
import org.quorum.history.Transition.TaskEnded;
import org.springframework.stereotype.Component;

/**
 * One instance's timeline, read from Camunda's history (HistoryService, under the caller's authorizations) and
 * from the event outbox. What the history means is the classifier's to say, as for the outbox and the audit
 * chain; every kind of history is read with a bound ({@code quorum.audit.timeline-limit}).
 */
@Component
public class TimelineBuilder {

    private final HistoryService history;
    private final HistoryClassifier classifier;
    private final ValueEntries values;
    private final PublishedEvents events;
    private final TaskIdentityLinks identityLinks;
    private final int limit;

    TimelineBuilder(HistoryService history, HistoryClassifier classifier, ValueEntries values,
                    PublishedEvents events, TaskIdentityLinks identityLinks, AuditProperties properties) {
        this.history = history;
        this.classifier = classifier;
        this.values = values;
        this.events = events;
        this.identityLinks = identityLinks;
        this.limit = properties.timelineLimit();
    }

    public HistoricProcessInstance instance(String id) {
        return find(id).orElseThrow(() -> new InstanceNotFound(id));
    }

    /** The instance's history, if it exists and the caller may read it. */
    public Optional<HistoricProcessInstance> find(String id) {
        return Optional.ofNullable(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult());
    }

    public Timeline build(String id) {
        HistoricProcessInstance instance = instance(id);
        TimelineEntries entries = new TimelineEntries(limit);
        TransitionEntries transitions = new TransitionEntries(entries);

        Map<String, Long> visits = new TreeMap<>();
        for (HistoricActivityInstance activity : entries.bounded(history.createHistoricActivityInstanceQuery()
                .processInstanceId(id).orderPartiallyByOccurrence().asc())) {
            visits.merge(activity.getActivityId(), 1L, Long::sum);
            transitions.activity(classifier.read(activity));
        }

        List<HistoricTaskInstance> tasks = entries.bounded(history.createHistoricTaskInstanceQuery()
                .processInstanceId(id));
        TaskActors actors = TaskActors.read(history, entries, id);
        Map<String, List<IdentityLinkChanged>> links = entries.bounded(identityLinks.of(id, entries.readLimit()))
                .stream().collect(Collectors.groupingBy(IdentityLinkChanged::taskId));
        Map<String, Task> taskByActivityInstance = new HashMap<>();
        for (HistoricTaskInstance task : tasks) {
            taskByActivityInstance.put(task.getActivityInstanceId(), addTask(transitions, task, links, actors));
        }

        values.formData(entries, instance, taskByActivityInstance, actors);
        values.decisions(entries, id);
        for (HistoricIncident incident : entries.bounded(history.createHistoricIncidentQuery().processInstanceId(id))) {
            classifier.read(incident).forEach(transitions::instanceOrIncident);
        }

        String rootId = instance.getRootProcessInstanceId() == null ? id : instance.getRootProcessInstanceId();
        for (PublishedEvents.Row event : entries.bounded(events.of(id, rootId, entries.readLimit()))) {
            entries.add(event.occurredAt(), TimelineEntries.EVENT, event.kind(), event.summary(), null, null, null,
                    event.details());
        }

        classifier.read(instance).forEach(transitions::instanceOrIncident);
        return new Timeline(summary(instance), entries.sorted(), visits, entries.truncated());
    }

    /** The task's entries: created, its identity links, and its end. */
    private Task addTask(TransitionEntries transitions, HistoricTaskInstance historic,
                                Map<String, List<IdentityLinkChanged>> links, TaskActors actors) {
        Task task = null;
        for (Transition transition : classifier.read(historic)) {
            if (transition instanceof TaskCreated created) {
                task = created.task();
                transitions.task(created);
                for (IdentityLinkChanged link : links.getOrDefault(task.id(), List.of())) {
                    transitions.link(task, link);
                }
            } else if (transition instanceof TaskEnded ended) {
                transitions.task(ended, actors.completedBy(task.id(), task.assignee()),
                        actors.actingFor().get(task.id()));
            }
        }
        return task;
    }

    public static InstanceSummary summary(HistoricProcessInstance instance) {
        return new InstanceSummary(instance.getId(), instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionName(), instance.getProcessDefinitionVersion(), instance.getBusinessKey(),
                InstanceSearch.state(instance.getState()), instant(instance.getStartTime()),
                instant(instance.getEndTime()), instance.getStartUserId());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
