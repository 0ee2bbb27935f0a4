package org.quorum.calendar.internal;

import java.net.URI;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.quorum.calendar.internal.DueTasks.DueTask;

/** A user's due tasks as an iCalendar document: one event at each task's due moment, linking to Tasklist. */
final class TaskCalendar {

    static final String PRODUCT = "-//Quorum//Tasks//EN";

    private TaskCalendar() {
    }

    /** {@code baseUrl} is the application's root as the caller reached it, without a trailing slash. */
    static String of(List<DueTask> tasks, String baseUrl) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (DueTask task : tasks) {
            calendar.add(event(task, baseUrl));
        }
        return calendar.toString();
    }

    private static VEvent event(DueTask task, String baseUrl) {
        String summary = task.businessKey() == null ? task.name() : task.name() + " (" + task.businessKey() + ")";
        VEvent event = new VEvent(task.due(), summary);
        event.add(new Uid(task.id() + "@quorum"));
        event.add(new Description(task.processName() == null ? "A task in Quorum"
                : "A task of the process " + task.processName()));
        event.add(new Url(URI.create(baseUrl + "/camunda/app/tasklist/default/#/?task=" + task.id())));
        return event;
    }
}
