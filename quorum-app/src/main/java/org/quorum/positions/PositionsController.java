package org.quorum.positions;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.quorum.identity.Groups;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.infrastructure.web.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/positions}: positions and their tenures, for administrators ({@code camunda-admin}). */
@RestController
@RequestMapping("/api/positions")
class PositionsController {

    private final Positions positions;
    private final IdentityService identity;

    PositionsController(Positions positions, IdentityService identity) {
        this.positions = positions;
        this.identity = identity;
    }

    @GetMapping
    List<PositionView> all() {
        requireAdministrator();
        return positions.all().stream().map(this::view).toList();
    }

    @PostMapping
    ResponseEntity<PositionView> create(@RequestBody Position position) {
        requireAdministrator();
        Position created = positions.create(position);
        return ResponseEntity.created(URI.create("/api/positions/" + created.code())).body(view(created));
    }

    @GetMapping("/{code}")
    PositionView one(@PathVariable String code) {
        requireAdministrator();
        return view(positions.find(code));
    }

    @PostMapping("/{code}/holdings")
    ResponseEntity<Holding> appoint(@PathVariable String code, @RequestBody Appointment appointment) {
        String administrator = requireAdministrator();
        Holding holding = positions.appoint(code, appointment.kind(), appointment.userId(), appointment.startsAt(),
                appointment.endsAt(), administrator);
        return ResponseEntity.created(URI.create("/api/positions/" + code + "/holdings/" + holding.id()))
                .body(holding);
    }

    @PostMapping("/{code}/holdings/{id}/end")
    Holding end(@PathVariable String code, @PathVariable long id, @RequestBody Ending ending) {
        requireAdministrator();
        return positions.end(code, id, ending.endsAt());
    }

    @PostMapping("/{code}/interim/end")
    Holding endInterim(@PathVariable String code, @RequestBody Ending ending) {
        requireAdministrator();
        return positions.endInterim(code, ending.endsAt());
    }

    /** Who acts now is derived from the tenures read for the view, not read a second time. */
    private PositionView view(Position position) {
        List<Holding> holdings = positions.holdings(position.code());
        Incumbent now = Tenure.incumbentAt(position.code(), holdings, EngineClock.now())
                .orElse(null);
        return new PositionView(position.code(), position.title(), position.officeGroup(), now, holdings);
    }

    private String requireAdministrator() {
        return CurrentUser.requireGroup(identity, Groups.CAMUNDA_ADMIN,
                "Only administrators (group camunda-admin) may read or change positions");
    }

    /** A position, who acts for it now, and all its tenures, past and future. */
    record PositionView(String code, String title, String officeGroup, Incumbent actingNow, List<Holding> holdings) {
    }

    record Appointment(HoldingKind kind, String userId, Instant startsAt, Instant endsAt) {
    }

    record Ending(Instant endsAt) {
    }
}
