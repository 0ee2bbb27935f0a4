package org.quorum.calendar.internal;

import java.time.LocalDate;

import org.quorum.calendar.CalendarProperties;
import org.quorum.calendar.WorkingDays;
import org.quorum.infrastructure.camunda.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /** Enough time to obtain and install next years' holidays before deadlines run past the calendar. */
    static final int WARNING_DAYS = 90;

    private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingDays workingDays(CalendarProperties properties) {
        WorkingDays days = new WorkingDays(properties.workingWeek(), HolidayFile.read(properties.holidays()),
                properties.zone());
        LocalDate today = LocalDate.ofInstant(EngineClock.now(), days.zone());
        if (days.endsWithin(WARNING_DAYS, today)) {
            LOG.warn("The holiday calendar {} ends on {}, within {} days: deadlines in working days past that "
                    + "day count no holidays. Point quorum.calendar.holidays to a file with the next years.",
                    properties.holidays().getDescription(), days.lastDay(), WARNING_DAYS);
        }
        return days;
    }
}
