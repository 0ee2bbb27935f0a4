package org.quorum.calendar.internal;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.quorum.calendar.WorkingDays;
import org.quorum.infrastructure.camunda.EngineClock;

/**
 * Camunda's three business calendars (due and follow-up dates, timer durations, timer cycles), each also
 * understanding {@code N working days}; every other expression (ISO 8601 dates, durations, cycles, cron) goes
 * to Camunda's own calendar unchanged. Camunda chains each calendar's methods to
 * {@code resolveDuedate(String, Date)} (and a cycle's to the one with a repeat offset, which the timer calls
 * directly after casting to {@link CycleBusinessCalendar}), so each overrides that one method.
 */
final class WorkingDaysCalendars {

    private static final Pattern WORKING_DAYS = Pattern.compile("\\s*(\\d{1,4})\\s+working\\s+days?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final WorkingDays days;

    private WorkingDaysCalendars(WorkingDays days) {
        this.days = days;
    }

    static BusinessCalendarManager manager(WorkingDays days) {
        WorkingDaysCalendars calendars = new WorkingDaysCalendars(days);
        MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME, calendars.new DueDate());
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME, calendars.new Duration());
        manager.addBusinessCalendar(CycleBusinessCalendar.NAME, calendars.new Cycle());
        return manager;
    }

    /** The date {@code expression} names if it is in working days, or null for Camunda's own calendar. */
    private Date inWorkingDays(String expression, Date start) {
        Matcher matcher = WORKING_DAYS.matcher(expression);
        if (!matcher.matches()) {
            return null;
        }
        Date from = start == null ? EngineClock.today() : start;
        return Date.from(days.plus(from.toInstant(), Integer.parseInt(matcher.group(1))));
    }

    private class DueDate extends DueDateBusinessCalendar {
        @Override
        public Date resolveDuedate(String expression, Date start) {
            Date due = inWorkingDays(expression, start);
            return due != null ? due : super.resolveDuedate(expression, start);
        }
    }

    private class Duration extends DurationBusinessCalendar {
        @Override
        public Date resolveDuedate(String expression, Date start) {
            Date due = inWorkingDays(expression, start);
            return due != null ? due : super.resolveDuedate(expression, start);
        }
    }

    private class Cycle extends CycleBusinessCalendar {
        @Override
        public Date resolveDuedate(String expression, Date start, long repeatOffset) {
            Date due = inWorkingDays(expression, start);
            return due != null ? due : super.resolveDuedate(expression, start, repeatOffset);
        }
    }
}
