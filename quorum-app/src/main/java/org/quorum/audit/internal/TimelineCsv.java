package org.quorum.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.quorum.audit.Timeline;
import org.quorum.audit.TimelineEntry;

/**
 * A timeline as CSV (RFC 4180): a header row, CRLF line ends, every field quoted with inner quotes doubled.
 * A field that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return: the
 * OWASP list for CSV injection) gets a leading apostrophe, so that opening an export cannot execute what a user
 * typed into a form.
 */
public final class TimelineCsv {

    static final List<String> HEADER = List.of("time", "kind", "summary", "activity", "actor", "acting for",
            "details");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private TimelineCsv() {
    }

    public static String of(Timeline timeline) {
        StringBuilder csv = new StringBuilder(row(HEADER));
        for (TimelineEntry entry : timeline.entries()) {
            csv.append(row(List.of(text(entry.at()), entry.kind(), entry.summary(), text(entry.activityId()),
                    text(entry.actor()), text(entry.actingFor()),
                    entry.details().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")))));
        }
        return csv.toString();
    }

    private static String row(List<String> fields) {
        return fields.stream().map(TimelineCsv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof Instant instant ? instant.toString() : value.toString();
    }
}
