package org.quorum.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The organisation's working days: its working week, its holidays and the time zone its offices keep.
 * <p>
 * "N working days from a moment" is the same local time (in the organisation's zone) on the Nth working day
 * after the moment's own day; the start day itself never counts, whether or not it is a working day. So a
 * request arriving on Saturday with 1 working day to answer is due on Monday at the same hour (Tuesday if
 * Monday is a holiday), and one arriving on Friday at 16:00 with 2 working days is due on Tuesday at 16:00.
 */
public final class WorkingDays {

    private final Set<DayOfWeek> week;
    private final SortedSet<LocalDate> holidays;
    private final ZoneId zone;

    public WorkingDays(Set<DayOfWeek> week, Set<LocalDate> holidays, ZoneId zone) {
        if (week.isEmpty()) {
            throw new IllegalArgumentException("the working week has no working day");
        }
        this.week = Collections.unmodifiableSet(EnumSet.copyOf(week));
        this.holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        this.zone = zone;
    }

    public Instant plus(Instant start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("a number of working days cannot be negative: " + workingDays);
        }
        ZonedDateTime from = start.atZone(zone);
        LocalDate day = from.toLocalDate();
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, from.toLocalTime(), zone).toInstant();
    }

    public boolean isWorkingDay(LocalDate day) {
        return week.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /**
     * The last day the calendar knows the holidays of: the 31 December of its last holiday's year. Past it,
     * every day of the working week counts as a working day. Without holidays, the calendar has no end.
     */
    public LocalDate lastDay() {
        return holidays.isEmpty() ? LocalDate.MAX : LocalDate.of(holidays.last().getYear(), 12, 31);
    }

    /** Whether the calendar ends within the given number of days of {@code today}: time to load next years. */
    public boolean endsWithin(int days, LocalDate today) {
        return !lastDay().isAfter(today.plusDays(days));
    }

    public ZoneId zone() {
        return zone;
    }
}
