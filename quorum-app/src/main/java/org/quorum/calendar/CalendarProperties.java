package org.quorum.calendar;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The organisation's calendar, on which deadlines given in working days are counted.
 *
 * @param holidays an iCalendar file of all-day events, one per holiday (a Spring resource location)
 * @param workingWeek the days of the week that are working days
 * @param zone the time zone of the organisation's offices: where a day begins and ends
 */
@ConfigurationProperties("quorum.calendar")
public record CalendarProperties(
        @DefaultValue("classpath:calendar/holidays-be.ics") Resource holidays,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingWeek,
        @DefaultValue("Europe/Brussels") ZoneId zone) {
}
