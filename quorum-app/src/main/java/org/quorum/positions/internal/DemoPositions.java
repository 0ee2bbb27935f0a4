package org.quorum.positions.internal;

import java.time.Instant;
import java.util.List;

import org.quorum.identity.Groups;
import org.quorum.positions.HoldingKind;
import org.quorum.positions.Position;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The seed's positions, filled by the demo cast (demo profile), created once: a node starting later finds them. */
@Component
@Profile("demo")
class DemoPositions implements ApplicationRunner {

    static final Instant SINCE = Instant.parse("2017-01-01T00:00:00Z");
    private static final List<Seat> SEATS = List.of(
            new Seat(new Position("SG", "Secretary General", Groups.SG_OFFICE), "sg"),
            new Seat(new Position("DSG", "Deputy Secretary General", Groups.DSG_OFFICE), "dsg"),
            new Seat(new Position("VICE_CHAIR_AMERICAS", "Regional Vice-Chair, Americas/Caribbean",
                    Groups.REGIONAL_VICE_CHAIRS), "vicechair"));

    private final PositionStore store;

    DemoPositions(PositionStore store) {
        this.store = store;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Seat seat : SEATS) {
            if (store.insertIfMissing(seat.position())) {
                store.insert(seat.position().code(), HoldingKind.SUBSTANTIVE, seat.holder(), SINCE, null, "demo");
            }
        }
    }

    private record Seat(Position position, String holder) {
    }
}
