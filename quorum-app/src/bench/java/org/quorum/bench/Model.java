package org.quorum.bench;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.quorum.bench.driver.Workload;
import org.quorum.endorsement.EndorsementVariables;

/** A process model and how one simulated officer drives one instance of it through the Java API. */
interface Model {

    String processKey();

    /** Starts an instance and works its tasks; returns its id. The instance may still have async steps left. */
    String drive(ProcessEngine engine, String businessKey);

    /** This model on this engine, as the load driver runs it. */
    default Workload on(ProcessEngine engine) {
        Model model = this;
        return new Workload() {
            @Override
            public String processKey() {
                return model.processKey();
            }

            @Override
            public void drive(String businessKey) {
                model.drive(engine, businessKey);
            }

            @Override
            public long running() {
                return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey())
                        .count();
            }
        };
    }

    /** start, then the one officer task ("Review"): two transactions, ten lifecycle events. */
    Model ONE_TASK = new Model() {
        @Override
        public String processKey() {
            return "bench-one-task";
        }

        @Override
        public String drive(ProcessEngine engine, String businessKey) {
            String id = engine.getRuntimeService().startProcessInstanceByKey(processKey(), businessKey).getId();
            completeOnlyTask(engine.getTaskService(), id, Map.of());
            return id;
        }
    };

    /**
     * regional-endorsement's short path as RegionalEndorsementIT drives it: eligibility table, completeness
     * check, agenda, the delegates decline; the job executor then records the outcome (async service task).
     */
    Model ENDORSEMENT_DECLINED = new Model() {
        @Override
        public String processKey() {
            return EndorsementVariables.PROCESS_ID;
        }

        @Override
        public String drive(ProcessEngine engine, String businessKey) {
            String id = engine.getRuntimeService().startProcessInstanceByKey(processKey(), businessKey, Map.of(
                    EndorsementVariables.REQUESTING_ADMINISTRATION, "Mexico",
                    EndorsementVariables.FACILITY_TYPE, "REGIONAL_CUSTOMS_LABORATORY",
                    EndorsementVariables.REGION, "AMERICAS_CARIBBEAN")).getId();
            TaskService tasks = engine.getTaskService();
            completeOnlyTask(tasks, id, Map.of(EndorsementVariables.CHECK_RESULT, "COMPLETE"));
            completeOnlyTask(tasks, id, Map.of(
                    EndorsementVariables.CONFERENCE_REFERENCE, "Americas/Caribbean regional conference",
                    EndorsementVariables.CONFERENCE_DATE, "2031-05-15T09:00Z"));
            completeOnlyTask(tasks, id, Map.of(EndorsementVariables.DELEGATES_DECISION, "DECLINE"));
            return id;
        }
    };

    private static void completeOnlyTask(TaskService tasks, String processInstanceId, Map<String, Object> variables) {
        // The overdue-check timer (14 working days) never fires in a benchmark, so there is exactly one open task.
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        tasks.complete(taskId, variables);
    }
}
