package org.quorum.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quorum.infrastructure.startup.StartupProblem;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class HolidayFileTest {

    private static ByteArrayResource ics(String events) {
        String file = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events + "END:VCALENDAR\r\n";
        return new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8), "test.ics");
    }

    @Test
    void shippedBelgianCalendarHasTheTenPublicHolidaysOf2026To2028() {
        Set<LocalDate> holidays = HolidayFile.read(new ClassPathResource("calendar/holidays-be.ics"));

        assertThat(holidays).hasSize(30).contains(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 14),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 21), LocalDate.of(2026, 12, 25),
                LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 6), LocalDate.of(2027, 5, 17),
                LocalDate.of(2028, 4, 17), LocalDate.of(2028, 5, 25), LocalDate.of(2028, 6, 5),
                LocalDate.of(2028, 11, 11));
    }

    @Test
    void multiDayEventCoversEveryDayBeforeItsEnd() {
        Set<LocalDate> holidays = HolidayFile.read(ics("BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\n"
                + "DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\nSUMMARY:Closure\r\nEND:VEVENT\r\n"));

        assertThat(holidays).containsExactlyInAnyOrder(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 26));
    }

    @Test
    void eventWithATimeOfDayIsRefusedNamingIt() {
        assertThatThrownBy(() -> HolidayFile.read(ics("BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\n"
                + "DTSTART:20261224T090000Z\r\nSUMMARY:Staff party\r\nEND:VEVENT\r\n")))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("test.ics")
                .hasMessageContaining("Staff party").hasMessageContaining("all-day");
    }

    @Test
    void invalidFileStopsStartupNamingTheFileAndLine() {
        assertThatThrownBy(() -> HolidayFile.read(ics("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026-12-24\r\n"
                + "END:VEVENT\r\n")))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("test.ics").hasMessageContaining("line 5");
    }
}
