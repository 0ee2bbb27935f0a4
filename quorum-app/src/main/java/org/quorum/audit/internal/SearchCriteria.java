package org.quorum.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.quorum.audit.InvalidParameter;
import org.springframework.util.StringUtils;

/**
 * The audit list's filters and page, checked: a malformed value is refused naming the parameter, and the page
 * size is bounded so that no request can ask for an unbounded result.
 */
public record SearchCriteria(String processKey, String businessKey, String state, Instant startedAfter,
                             Instant startedBefore, String actor, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static SearchCriteria of(String processKey, String businessKey, String state, String startedAfter,
                                    String startedBefore, String actor, String page, String size) {
        return new SearchCriteria(blankToNull(processKey), blankToNull(businessKey), state(state),
                instant("startedAfter", startedAfter), instant("startedBefore", startedBefore), blankToNull(actor),
                number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE),
                number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    private static String state(String value) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        String state = value.trim().toLowerCase(Locale.ROOT);
        if (!state.equals("active") && !state.equals("completed") && !state.equals("cancelled")) {
            throw new InvalidParameter("state", "state must be active, completed or cancelled (was '" + value + "').");
        }
        return state;
    }

    /** An ISO-8601 instant or offset date-time, or a date meaning its start (UTC). */
    private static Instant instant(String name, String value) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new InvalidParameter(name, name + " must be an ISO-8601 date-time such as "
                        + "2026-11-28T09:00:00Z or a date such as 2026-11-28 (was '" + value + "').");
            }
        }
    }

    private static int number(String name, String value, int defaultValue, int min, int max) {
        if (!StringUtils.hasText(value)) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw new InvalidParameter(name, name + " must be a whole number from " + min + " to " + max
                + " (was '" + value + "').");
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.trim() : null;
    }
}
