package org.quorum.positions.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.positions.Holding;
import org.quorum.positions.HoldingKind;
import org.quorum.positions.Incumbent;
import org.quorum.positions.Position;
import org.quorum.positions.PositionRuleViolation;
import org.quorum.positions.Positions;
import org.quorum.positions.Tenure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of {@link Positions}. Each change is one transaction: the tenure row, and either the tasks moved
 * now or the job that moves them on the date, commit together or not at all.
 */
@Service
class PositionsService implements Positions {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final PositionStore store;
    private final TaskRouting routing;
    private final IdentityService identity;

    PositionsService(PositionStore store, TaskRouting routing, IdentityService identity) {
        this.store = store;
        this.routing = routing;
        this.identity = identity;
    }

    @Transactional
    @Override
    public Position create(Position position) {
        if (position.code() == null || !CODE.matcher(position.code()).matches()) {
            throw badInput("invalid-code", "code must be upper-case letters, digits and underscores, starting with a "
                    + "letter (e.g. DSG, VICE_CHAIR_AMERICAS); got " + position.code());
        }
        if (position.title() == null || position.title().isBlank()) {
            throw badInput("missing-title", "title is required (e.g. Deputy Secretary General)");
        }
        if (position.officeGroup() == null
                || identity.createGroupQuery().groupId(position.officeGroup()).count() == 0) {
            throw badInput("unknown-office-group", "officeGroup must be an existing group; got "
                    + position.officeGroup());
        }
        if (!store.insertIfMissing(position)) {
            throw new PositionRuleViolation("position-exists", PositionRuleViolation.Kind.CONFLICT,
                    "Position " + position.code() + " already exists");
        }
        return position;
    }

    @Transactional
    @Override
    public Holding appoint(String code, HoldingKind kind, String userId, Instant startsAt, Instant endsAt,
                           String appointedBy) {
        if (kind == null || startsAt == null) {
            throw badInput("missing-field", "kind (SUBSTANTIVE or INTERIM) and startsAt are required");
        }
        lock(code);
        if (userId == null || identity.createUserQuery().userId(userId).count() == 0) {
            throw badInput("unknown-user", "userId must be an existing user; got " + userId);
        }
        Tenure.checkNew(kind, startsAt, endsAt, store.holdings(code));
        Holding holding = store.insert(code, kind, userId, startsAt, endsAt, appointedBy);
        if (kind == HoldingKind.INTERIM) {
            routing.ensureActingFilter(userId, code);
        }
        routing.rerouteAt(code, startsAt);
        if (endsAt != null) {
            routing.rerouteAt(code, endsAt);
        }
        return holding;
    }

    @Transactional
    @Override
    public Holding end(String code, long holdingId, Instant endsAt) {
        if (endsAt == null) {
            throw badInput("missing-field", "endsAt is required");
        }
        lock(code);
        List<Holding> holdings = store.holdings(code);
        Holding holding = holdings.stream().filter(h -> h.id() == holdingId).findFirst().orElseThrow(() ->
                new PositionRuleViolation("no-such-holding", PositionRuleViolation.Kind.NOT_FOUND,
                        "Position %s has no tenure %d".formatted(code, holdingId)));
        Tenure.checkEnd(holding, endsAt, holdings);
        Holding ended = store.end(holdingId, endsAt);
        routing.rerouteAt(code, endsAt);
        return ended;
    }

    @Transactional
    @Override
    public Holding endInterim(String code, Instant endsAt) {
        lock(code);
        Holding interim = store.holdings(code).stream()
                .filter(h -> h.kind() == HoldingKind.INTERIM && (h.endsAt() == null || h.endsAt().isAfter(now())))
                .max(Comparator.comparing(Holding::startsAt))
                .orElseThrow(() -> new PositionRuleViolation("no-interim", PositionRuleViolation.Kind.CONFLICT,
                        "Position %s has no interim to end".formatted(code)));
        return end(code, interim.id(), endsAt);
    }

    @Transactional(readOnly = true)
    @Override
    public Optional<Incumbent> incumbent(String code, Instant moment) {
        find(code);
        return Tenure.incumbentAt(code, store.holdings(code), moment);
    }

    @Transactional(readOnly = true)
    @Override
    public Position find(String code) {
        return store.find(code).orElseThrow(() -> notFound(code));
    }

    @Transactional(readOnly = true)
    @Override
    public List<Position> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    @Override
    public List<Holding> holdings(String code) {
        find(code);
        return store.holdings(code);
    }

    private void lock(String code) {
        store.lock(code).orElseThrow(() -> notFound(code));
    }

    private static Instant now() {
        return EngineClock.now();
    }

    private static PositionRuleViolation notFound(String code) {
        return new PositionRuleViolation("no-such-position", PositionRuleViolation.Kind.NOT_FOUND,
                "There is no position " + code);
    }

    private static PositionRuleViolation badInput(String rule, String message) {
        return new PositionRuleViolation(rule, PositionRuleViolation.Kind.BAD_INPUT, message);
    }
}
