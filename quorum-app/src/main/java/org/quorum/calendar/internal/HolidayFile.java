package org.quorum.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.quorum.infrastructure.startup.StartupProblem;
import org.springframework.core.io.Resource;

/**
 * Reads the holidays of an iCalendar file: each VEVENT with an all-day DTSTART is a holiday, and with a DTEND
 * (exclusive, as iCalendar defines it) every day up to it. A file that cannot be read stops startup, naming
 * the file and where it is wrong: deadlines counted on a half-read calendar would be silently wrong.
 */
final class HolidayFile {

    private static final String ACTION = "Fix the file or point quorum.calendar.holidays to a valid iCalendar file "
            + "of all-day events.";

    private HolidayFile() {
    }

    static Set<LocalDate> read(Resource file) {
        Calendar calendar;
        try (InputStream in = file.getInputStream()) {
            calendar = new CalendarBuilder().build(in);
        } catch (ParserException e) {
            throw new StartupProblem("The holiday calendar " + file.getDescription() + " is not valid iCalendar "
                    + "at line " + e.getLineNo() + ": " + e.getMessage(), ACTION);
        } catch (IOException e) {
            throw new StartupProblem("The holiday calendar " + file.getDescription() + " cannot be read: "
                    + e.getMessage(), ACTION);
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            LocalDate first = day(event.getStartDate(), file, event, "DTSTART")
                    .orElseThrow(() -> problem(file, event, "has no DTSTART"));
            LocalDate end = day(event.getEndDate(false), file, event, "DTEND").orElse(first.plusDays(1));
            for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
                holidays.add(day);
            }
        }
        return holidays;
    }

    private static Optional<LocalDate> day(Optional<? extends DateProperty<Temporal>> property, Resource file,
            VEvent event, String name) {
        return property.map(p -> {
            if (!(p.getDate() instanceof LocalDate day)) {
                throw problem(file, event, "has a " + name + " with a time of day (" + p.getValue()
                        + "): a holiday is an all-day event (" + name + ";VALUE=DATE:yyyymmdd)");
            }
            return day;
        });
    }

    private static StartupProblem problem(Resource file, VEvent event, String what) {
        String summary = event.getSummary().map(s -> " '" + s.getValue() + "'").orElse("");
        return new StartupProblem("The holiday calendar " + file.getDescription() + ": the event" + summary + " "
                + what, ACTION);
    }
}
