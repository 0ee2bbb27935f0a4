package org.quorum.interim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Dates as the interim forms and messages carry them: ISO-8601 text in UTC (Camunda Forms), or dates. */
final class InterimDates {

    private InterimDates() {
    }

    static Instant instant(Object value, String variable) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("%s must be an ISO-8601 date-time such as 2018-06-01T00:00Z; got '%s'"
                        .formatted(variable, text), e);
            }
        }
        throw new IllegalArgumentException(variable + " is required (an ISO-8601 date-time such as 2018-06-01T00:00Z)");
    }
}
