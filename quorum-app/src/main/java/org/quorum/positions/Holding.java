package org.quorum.positions;

import java.time.Instant;

/** One person's tenure of a position, from {@code startsAt} until {@code endsAt} (open-ended when null). */
public record Holding(long id, String positionCode, HoldingKind kind, String userId, Instant startsAt,
                      Instant endsAt) {

    public boolean inForceAt(Instant moment) {
        return !startsAt.isAfter(moment) && (endsAt == null || endsAt.isAfter(moment));
    }

    /** Whether this tenure and the period [start, end) share a moment; a null end is open. */
    public boolean overlaps(Instant start, Instant end) {
        boolean startsBeforeOtherEnds = end == null || startsAt.isBefore(end);
        boolean otherStartsBeforeThisEnds = endsAt == null || start.isBefore(endsAt);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }
}
