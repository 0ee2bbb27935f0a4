package org.quorum.calendar.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Users' calendar feed tokens in PostgreSQL, by hash only. */
@Repository
class FeedTokenStore {

    private static final RowMapper<FeedToken> TOKEN = (rs, n) -> new FeedToken(rs.getLong("id"),
            rs.getTimestamp("created_at").toInstant(),
            Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant).orElse(null));

    private final JdbcTemplate jdbc;

    FeedTokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String userId, String tokenHash, Instant createdAt) {
        return jdbc.queryForObject("insert into quorum_calendar_feed_token (user_id, token_hash, created_at) "
                + "values (?, ?, ?) returning id", Long.class, userId, tokenHash, Timestamp.from(createdAt));
    }

    List<FeedToken> of(String userId) {
        return jdbc.query("select id, created_at, revoked_at from quorum_calendar_feed_token where user_id = ? "
                + "order by id", TOKEN, userId);
    }

    /** False when the user has no token of that id; revoking twice keeps the first time. */
    boolean revoke(long id, String userId, Instant at) {
        return jdbc.update("update quorum_calendar_feed_token set revoked_at = coalesce(revoked_at, ?) "
                + "where id = ? and user_id = ?", Timestamp.from(at), id, userId) == 1;
    }

    /** The user a token that is not revoked belongs to. */
    Optional<String> userOf(String tokenHash) {
        return jdbc.queryForList("select user_id from quorum_calendar_feed_token where token_hash = ? "
                + "and revoked_at is null", String.class, tokenHash).stream().findFirst();
    }

    /** A token as its owner sees it in their settings: never the token itself. */
    record FeedToken(long id, Instant createdAt, Instant revokedAt) {
    }
}
