package org.quorum.calendar.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.quorum.calendar.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * Gives the engine business calendars that count {@code N working days} on the organisation's calendar, so a
 * model's due date, follow-up date or timer can say {@code 10 working days}. A plugin, because the business
 * calendar manager is part of the engine's configuration, set before the engine is built.
 */
@Component
class WorkingDaysPlugin extends AbstractProcessEnginePlugin {

    private final WorkingDays days;

    WorkingDaysPlugin(WorkingDays days) {
        this.days = days;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBusinessCalendarManager(WorkingDaysCalendars.manager(days));
    }
}
