package org.quorum.calendar.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.quorum.infrastructure.camunda.QueryPages;
import org.quorum.infrastructure.web.CamundaCredentials;
import org.springframework.stereotype.Component;

/**
 * A user's open tasks that have a due date, as Tasklist shows them to the user: assigned to them, or offered to
 * one of their groups and not yet claimed. The feed runs with no signed-in user (the token is the credential),
 * so the engine checks no authorization: the filter by user and groups here is what limits it.
 */
@Component
class DueTasks {

    /** A calendar application polls the feed; a bound keeps one poll cheap whatever the backlog. */
    static final int MAX = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final CamundaCredentials credentials;

    DueTasks(TaskService tasks, RuntimeService runtime, RepositoryService repository, IdentityService identity) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.credentials = new CamundaCredentials(identity);
    }

    List<DueTask> of(String userId) {
        List<String> groups = credentials.groupsOf(userId);
        Stream<Task> assigned = first(tasks.createTaskQuery().taskAssignee(userId));
        Stream<Task> offered = groups.isEmpty() ? Stream.empty()
                : first(tasks.createTaskQuery().taskCandidateGroupIn(groups));
        List<Task> due = Stream.concat(assigned, offered).filter(t -> t.getDueDate() != null)
                .sorted(Comparator.comparing(Task::getDueDate).thenComparing(Task::getId)).limit(MAX).toList();
        Map<String, String> businessKeys = businessKeys(due);
        Map<String, String> processNames = processNames(due);
        return due.stream().map(t -> new DueTask(t.getId(), t.getName(), businessKeys.get(t.getProcessInstanceId()),
                processNames.get(t.getProcessDefinitionId()), t.getDueDate().toInstant())).toList();
    }

    /**
     * The earliest due first: PostgreSQL sorts tasks without a due date last, so the bound never drops a dated
     * task for an undated one. A candidate-group query leaves out claimed tasks unless told otherwise.
     */
    private static Stream<Task> first(TaskQuery query) {
        return QueryPages.first(query.active().orderByDueDate().asc().orderByTaskId().asc(), MAX).stream();
    }

    private Map<String, String> businessKeys(List<Task> due) {
        Set<String> ids = due.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return QueryPages.all(runtime.createProcessInstanceQuery().processInstanceIds(ids)).stream()
                .filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }

    private Map<String, String> processNames(List<Task> due) {
        String[] ids = due.stream().map(Task::getProcessDefinitionId).filter(id -> id != null).distinct()
                .toArray(String[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return QueryPages.all(repository.createProcessDefinitionQuery().processDefinitionIdIn(ids)).stream()
                .collect(Collectors.toMap(ProcessDefinition::getId,
                        d -> d.getName() != null ? d.getName() : d.getKey()));
    }

    /** What the feed shows of a task; the business key and process name are null for a standalone task. */
    record DueTask(String id, String name, String businessKey, String processName, Instant due) {
    }
}
