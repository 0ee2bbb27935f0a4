package org.quorum.positions;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules of holding a position, free of any framework: at most one substantive and one interim holder at a
 * time, an interim in force takes precedence, a tenure ends after it starts.
 */
public final class Tenure {

    private Tenure() {
    }

    /** Who tasks of the position reach at {@code moment}: the interim holder if one is in force, else the holder. */
    public static Optional<Incumbent> incumbentAt(String positionCode, List<Holding> holdings, Instant moment) {
        Optional<Holding> interim = inForce(holdings, HoldingKind.INTERIM, moment);
        if (interim.isPresent()) {
            return Optional.of(new Incumbent(interim.get().userId(), positionCode));
        }
        return inForce(holdings, HoldingKind.SUBSTANTIVE, moment).map(h -> new Incumbent(h.userId(), null));
    }

    private static Optional<Holding> inForce(List<Holding> holdings, HoldingKind kind, Instant moment) {
        return holdings.stream().filter(h -> h.kind() == kind && h.inForceAt(moment))
                .max(Comparator.comparing(Holding::startsAt));
    }

    /** Refuses a new tenure that ends before it starts or overlaps another of the same kind. */
    public static void checkNew(HoldingKind kind, Instant startsAt, Instant endsAt, List<Holding> existing) {
        checkPeriod(startsAt, endsAt);
        existing.stream().filter(h -> h.kind() == kind && h.overlaps(startsAt, endsAt)).findFirst().ifPresent(h -> {
            throw new PositionRuleViolation(kind == HoldingKind.INTERIM ? "overlapping-interim" : "overlapping-holder",
                    PositionRuleViolation.Kind.CONFLICT,
                    "Position %s already has %s %s from %s%s; %s periods of one position may not overlap"
                            .formatted(h.positionCode(), kind == HoldingKind.INTERIM ? "interim holder" : "holder",
                                    h.userId(), h.startsAt(), h.endsAt() == null ? " (open-ended)" : " to " + h.endsAt(),
                                    kind == HoldingKind.INTERIM ? "interim" : "holding"));
        });
    }

    /** Refuses ending a tenure that has already ended, or ending it before it starts. */
    public static void checkEnd(Holding holding, Instant endsAt, List<Holding> existing) {
        if (holding.endsAt() != null) {
            throw new PositionRuleViolation("already-ended", PositionRuleViolation.Kind.CONFLICT,
                    "The %s of %s for position %s already ended at %s".formatted(
                            holding.kind() == HoldingKind.INTERIM ? "interim" : "holding", holding.userId(),
                            holding.positionCode(), holding.endsAt()));
        }
        checkPeriod(holding.startsAt(), endsAt);
        existing.stream().filter(h -> h.id() != holding.id() && h.kind() == holding.kind()
                && h.overlaps(holding.startsAt(), endsAt)).findFirst().ifPresent(h -> {
                    throw new PositionRuleViolation("overlapping-" + (h.kind() == HoldingKind.INTERIM
                            ? "interim" : "holder"), PositionRuleViolation.Kind.CONFLICT,
                            "Ending at %s would overlap the tenure of %s from %s".formatted(endsAt, h.userId(),
                                    h.startsAt()));
                });
    }

    private static void checkPeriod(Instant startsAt, Instant endsAt) {
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new PositionRuleViolation("end-before-start", PositionRuleViolation.Kind.BAD_INPUT,
                    "The end (%s) must be after the start (%s)".formatted(endsAt, startsAt));
        }
    }
}
