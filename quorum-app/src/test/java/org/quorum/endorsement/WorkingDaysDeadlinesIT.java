package org.quorum.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorum.support.ProcessIntegrationTest;

/**
 * The completeness check's due date and its overdue timer count working days on the shipped Belgian calendar:
 * from Thursday 16 July 2026, the weekends and the National Day (Tuesday 21 July) do not count.
 */
class WorkingDaysDeadlinesIT extends ProcessIntegrationTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Instant RECEIVED = brussels("2026-07-16T09:00");

    private static Instant brussels(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BRUSSELS).toInstant();
    }

    @BeforeEach
    void requestArrivesOnThursdayBeforeTheNationalDay() {
        ClockUtil.setCurrentTime(Date.from(RECEIVED));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ProcessInstance request() {
        return runtimeService().startProcessInstanceByKey(EndorsementVariables.PROCESS_ID, "REQ-2026-BE-WD",
                withVariables("requestingAdministration", "Belgium", "facilityType", "REGIONAL_CUSTOMS_LABORATORY",
                        "region", "EUROPE"));
    }

    @Test
    void completenessCheckIsDueTenWorkingDaysLater() {
        ProcessInstance request = request();

        assertThat(task("Task_CheckCompleteness", request).getDueDate().toInstant())
                .isEqualTo(brussels("2026-07-31T09:00"));
    }

    @Test
    void overdueTimerFiresFourteenWorkingDaysLaterNotBefore() {
        ProcessInstance request = request();
        ManagementService management = processEngine.getManagementService();
        Job timer = job("Timer_CheckOverdue", request);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(brussels("2026-08-06T09:00"));

        ClockUtil.setCurrentTime(Date.from(brussels("2026-08-06T08:59")));
        assertThat(management.createJobQuery().jobId(timer.getId()).executable().count())
                .as("fourteen calendar days have passed, fourteen working days have not").isZero();
        ClockUtil.setCurrentTime(Date.from(brussels("2026-08-06T09:00")));
        assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isOne();
        execute(timer);
        assertThat(task("Task_FollowUpOverdueCheck", request)).isNotNull();
    }

    @Test
    void isoDatesAndDurationsStillGoToCamundasCalendars() {
        BusinessCalendarManager calendars = ((ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration()).getBusinessCalendarManager();

        assertThat(calendars.getBusinessCalendar(DueDateBusinessCalendar.NAME).resolveDuedate("P3D").toInstant())
                .isEqualTo(brussels("2026-07-19T09:00"));
        assertThat(calendars.getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate("2026-08-01T10:00:00Z").toInstant()).isEqualTo(Instant.parse("2026-08-01T10:00:00Z"));
        assertThat(calendars.getBusinessCalendar(DurationBusinessCalendar.NAME).resolveDuedate("PT1H").toInstant())
                .isEqualTo(brussels("2026-07-16T10:00"));
        assertThat(calendars.getBusinessCalendar(DurationBusinessCalendar.NAME).resolveDuedate("1 working day")
                .toInstant()).isEqualTo(brussels("2026-07-17T09:00"));
    }
}
