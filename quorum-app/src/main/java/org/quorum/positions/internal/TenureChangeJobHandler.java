package org.quorum.positions.internal;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;

/** The job, due when a tenure starts or ends, that moves the position's open tasks to whoever acts for it then. */
class TenureChangeJobHandler implements JobHandler<TenureChangeJobHandler.PositionCode> {

    static final String TYPE = "quorum-tenure-change";

    private final ObjectProvider<TaskRouting> routing;

    TenureChangeJobHandler(ObjectProvider<TaskRouting> routing) {
        this.routing = routing;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(PositionCode configuration, ExecutionEntity execution, CommandContext commandContext,
                        String tenantId) {
        routing.getObject().reroute(configuration.code());
    }

    @Override
    public PositionCode newConfiguration(String canonicalString) {
        return new PositionCode(canonicalString);
    }

    @Override
    public void onDelete(PositionCode configuration, JobEntity jobEntity) {
        // Nothing is held for the job outside its own row.
    }

    record PositionCode(String code) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return code;
        }
    }
}
