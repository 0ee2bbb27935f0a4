package org.quorum.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final WorkingDays BELGIUM_2026 = new WorkingDays(MONDAY_TO_FRIDAY,
            Set.of(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 7, 21)), BRUSSELS);

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), BRUSSELS).toInstant();
    }

    @Test
    void weekendIsSkippedAndTheLocalTimeKept() {
        assertThat(BELGIUM_2026.plus(at("2026-06-12T16:00"), 1)).isEqualTo(at("2026-06-15T16:00"));
        assertThat(BELGIUM_2026.plus(at("2026-06-13T09:30"), 1)).as("from a Saturday").isEqualTo(at("2026-06-15T09:30"));
    }

    @Test
    void nationalDayIsSkipped() {
        assertThat(BELGIUM_2026.plus(at("2026-07-17T10:00"), 2)).isEqualTo(at("2026-07-22T10:00"));
    }

    @Test
    void easterMondayIsSkipped() {
        assertThat(BELGIUM_2026.plus(at("2026-04-02T10:00"), 2)).isEqualTo(at("2026-04-07T10:00"));
    }

    @Test
    void tenWorkingDaysFromThursdayBeforeTheNationalDay() {
        assertThat(BELGIUM_2026.plus(at("2026-07-16T11:00"), 10)).isEqualTo(at("2026-07-31T11:00"));
        assertThat(BELGIUM_2026.plus(at("2026-07-16T11:00"), 14)).isEqualTo(at("2026-08-06T11:00"));
    }

    @Test
    void localTimeIsKeptAcrossTheChangeToWinterTime() {
        assertThat(BELGIUM_2026.plus(at("2026-10-23T09:00"), 1)).isEqualTo(at("2026-10-26T09:00"));
    }

    @Test
    void customWorkingWeekCountsItsOwnDays() {
        WorkingDays sundayToThursday = new WorkingDays(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY), Set.of(), BRUSSELS);
        assertThat(sundayToThursday.plus(at("2026-06-11T08:00"), 1)).as("Thursday to Sunday")
                .isEqualTo(at("2026-06-14T08:00"));
    }

    @Test
    void zeroWorkingDaysIsTheStartAndNegativeOnesAreRefused() {
        assertThat(BELGIUM_2026.plus(at("2026-06-13T09:30"), 0)).isEqualTo(at("2026-06-13T09:30"));
        assertThatThrownBy(() -> BELGIUM_2026.plus(at("2026-06-13T09:30"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingDays(Set.of(), Set.of(), BRUSSELS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void calendarEndsOnTheLastDayOfItsLastHolidayYearAndWarnsWithinNinetyDays() {
        assertThat(BELGIUM_2026.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(BELGIUM_2026.endsWithin(90, LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(BELGIUM_2026.endsWithin(90, LocalDate.of(2026, 10, 2))).isTrue();
        assertThat(BELGIUM_2026.endsWithin(90, LocalDate.of(2027, 1, 5))).isTrue();
        assertThat(new WorkingDays(MONDAY_TO_FRIDAY, Set.of(), BRUSSELS).endsWithin(90, LocalDate.of(2026, 1, 1)))
                .as("a calendar without holidays has no end").isFalse();
    }
}
