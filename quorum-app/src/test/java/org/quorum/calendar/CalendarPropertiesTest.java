package org.quorum.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CalendarPropertiesTest {

    private static CalendarProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("quorum.calendar", CalendarProperties.class);
    }

    @Test
    void defaultsAreTheBelgianCalendarMondayToFridayInBrussels() {
        CalendarProperties defaults = bind(Map.of());

        assertThat(defaults.holidays().getFilename()).isEqualTo("holidays-be.ics");
        assertThat(defaults.holidays().exists()).isTrue();
        assertThat(defaults.workingWeek()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(defaults.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
    }

    @Test
    void organisationSetsItsOwnFileWeekAndZone() {
        CalendarProperties custom = bind(Map.of("quorum.calendar.holidays", "file:/etc/quorum/holidays.ics",
                "quorum.calendar.working-week", "SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY",
                "quorum.calendar.zone", "Asia/Riyadh"));

        assertThat(custom.holidays().getFilename()).isEqualTo("holidays.ics");
        assertThat(custom.workingWeek()).contains(DayOfWeek.SUNDAY).doesNotContain(DayOfWeek.FRIDAY).hasSize(5);
        assertThat(custom.zone()).isEqualTo(ZoneId.of("Asia/Riyadh"));
    }
}
