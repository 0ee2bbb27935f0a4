package org.quorum.notifications.internal;

import java.util.Collection;
import java.util.List;

import org.quorum.positions.Position;
import org.quorum.positions.Positions;
import org.springframework.stereotype.Component;

/** "DSG (Deputy Secretary General)": how a mail names the position its recipient acts for. */
@Component
class PositionTitles {

    private final Positions positions;

    PositionTitles(Positions positions) {
        this.positions = positions;
    }

    String actingFor(String code) {
        if (code == null) {
            return null;
        }
        return positions.all().stream().filter(p -> p.code().equals(code)).findFirst()
                .map(p -> code + " (" + p.title() + ")").orElse(code);
    }

    /** Positions whose office is one of {@code groups}: their holders head the office. */
    List<Position> heading(Collection<String> groups) {
        return positions.all().stream().filter(p -> groups.contains(p.officeGroup())).toList();
    }
}
