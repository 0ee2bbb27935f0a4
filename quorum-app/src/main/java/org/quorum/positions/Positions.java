package org.quorum.positions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The use cases of positions: create one, appoint a holder or an interim holder, end a tenure, ask who acts.
 * The positions module's API: its store and the routing of tasks to whoever acts stay inside it.
 */
public interface Positions {

    /** Task-local variable of a task addressed to a position: the position's code. Written by the engine only. */
    String TASK_VARIABLE = "position";

    Position create(Position position);

    /** Appoints a holder (or an interim holder) from {@code startsAt}; open-ended when {@code endsAt} is null. */
    Holding appoint(String code, HoldingKind kind, String userId, Instant startsAt, Instant endsAt,
                    String appointedBy);

    /** Ends a tenure at {@code endsAt}; open tasks move to whoever acts for the position from then. */
    Holding end(String code, long holdingId, Instant endsAt);

    /** Ends the interim that is open (in force, or yet to start) at {@code endsAt}. */
    Holding endInterim(String code, Instant endsAt);

    Optional<Incumbent> incumbent(String code, Instant moment);

    Position find(String code);

    List<Position> all();

    List<Holding> holdings(String code);
}
