package org.quorum.positions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.quorum.positions.Holding;
import org.quorum.positions.HoldingKind;
import org.quorum.positions.Position;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Positions and tenures in PostgreSQL, read and written in the caller's transaction. */
@Repository
class PositionStore {

    private static final RowMapper<Position> POSITION = (rs, n) ->
            new Position(rs.getString("code"), rs.getString("title"), rs.getString("office_group"));
    private static final RowMapper<Holding> HOLDING = PositionStore::holding;
    private static final String HOLDING_COLUMNS = "id, position_code, kind, user_id, starts_at, ends_at";

    private final JdbcTemplate jdbc;

    PositionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the position unless it exists; true when inserted. */
    boolean insertIfMissing(Position position) {
        return jdbc.update("insert into quorum_position (code, title, office_group) values (?, ?, ?) "
                + "on conflict (code) do nothing", position.code(), position.title(), position.officeGroup()) == 1;
    }

    Optional<Position> find(String code) {
        return jdbc.query("select * from quorum_position where code = ?", POSITION, code).stream().findFirst();
    }

    /**
     * Locks the position's row until the transaction ends, so that two administrators (or nodes) changing its
     * tenures take turns and the overlap rules see each other's changes.
     */
    Optional<Position> lock(String code) {
        return jdbc.query("select * from quorum_position where code = ? for update", POSITION, code).stream()
                .findFirst();
    }

    List<Position> all() {
        return jdbc.query("select * from quorum_position order by code", POSITION);
    }

    List<Holding> holdings(String code) {
        return jdbc.query("select " + HOLDING_COLUMNS + " from quorum_position_holding where position_code = ? "
                + "order by starts_at, id", HOLDING, code);
    }

    Holding insert(String code, HoldingKind kind, String userId, Instant startsAt, Instant endsAt,
                          String createdBy) {
        return jdbc.queryForObject("insert into quorum_position_holding (position_code, kind, user_id, starts_at, "
                        + "ends_at, created_by) values (?, ?, ?, ?, ?, ?) returning " + HOLDING_COLUMNS, HOLDING,
                code, kind.name(), userId, Timestamp.from(startsAt), endsAt == null ? null : Timestamp.from(endsAt),
                createdBy);
    }

    Holding end(long id, Instant endsAt) {
        return jdbc.queryForObject("update quorum_position_holding set ends_at = ? where id = ? returning "
                + HOLDING_COLUMNS, HOLDING, Timestamp.from(endsAt), id);
    }

    private static Holding holding(ResultSet rs, int row) throws SQLException {
        Timestamp ends = rs.getTimestamp("ends_at");
        return new Holding(rs.getLong("id"), rs.getString("position_code"), HoldingKind.valueOf(rs.getString("kind")),
                rs.getString("user_id"), rs.getTimestamp("starts_at").toInstant(),
                ends == null ? null : ends.toInstant());
    }
}
