package org.quorum.endorsement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How long a requesting administration has to supply what its request lacks: thirty days, to the end of the
 * thirtieth day (UTC), so that a request asked for in the afternoon does not lapse in the morning.
 */
public final class ResubmissionDeadline {

    static final int DAYS = 30;

    private ResubmissionDeadline() {
    }

    public static Instant after(Instant askedAt) {
        LocalDate lastDay = askedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(DAYS);
        return lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    }
}
