package org.quorum.events.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node relays: the one whose dedicated database session holds a PostgreSQL session-level advisory lock.
 * <p>
 * Holding a {@link Connection} object proves nothing: the session behind it may have been ended by a database
 * restart, {@code pg_terminate_backend}, an idle timeout or a proxy, and the lock then went with it and may
 * already be held by another node. So leadership is {@linkplain #confirm() confirmed} on that session every
 * round, by asking PostgreSQL whether this very backend ({@code pg_backend_pid()}) holds the lock, and the
 * relay marks rows only through {@link #markIfLeading} on the same session, in a statement that applies only
 * while the lock is held there. A relay that lost its session thus neither sends again nor marks.
 * <p>
 * The session is opened outside the application's connection pool: the pool may retire or reset a connection
 * it lent, and a lock held by a pooled connection would outlive the relay that took it.
 */
final class RelayLeadership {

    static final long LOCK_KEY = 0x51554F52554FL;
    private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);
    private static final int QUERY_TIMEOUT_SECONDS = 5;
    /**
     * A bigint advisory key shows in pg_locks as classid (high 32 bits), objid (low 32 bits), objsubid 1.
     */
    static final String HELD_BY_THIS_SESSION = "exists (select 1 from pg_locks where locktype = 'advisory' "
            + "and pid = pg_backend_pid() and granted and objsubid = 1 "
            + "and classid = " + (LOCK_KEY >>> 32) + " and objid = " + (LOCK_KEY & 0xFFFFFFFFL) + ")";

    private final ConnectionSource connections;
    private Connection session;
    private int backendPid;

    RelayLeadership(ConnectionSource connections) {
        this.connections = connections;
    }

    /**
     * True when this node's session is alive and holds the lock; otherwise drops a dead session and tries to
     * take the lock on a new one. Called by the relay's thread only.
     */
    boolean confirm() {
        if (session != null) {
            try {
                if (holdsLock(session)) {
                    return true;
                }
                log.warn("This node's database session (backend {}) no longer holds the relay lock; it stops "
                        + "relaying", backendPid);
            } catch (SQLException e) {
                log.warn("This node lost the database session (backend {}) that held the relay lock; it stops "
                        + "relaying: {}", backendPid, e.getMessage());
            }
            closeSession();
        }
        return tryAcquire();
    }

    /**
     * Runs {@code update} on the leading session, with {@link #HELD_BY_THIS_SESSION} in its where clause, so
     * that it changes nothing unless this session holds the lock at that moment. Returns the rows changed, or
     * -1 when this node does not lead (the session was lost).
     */
    int markIfLeading(String update, Object... values) {
        if (session == null) {
            return -1;
        }
        try (PreparedStatement statement = session.prepareStatement(update)) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            log.warn("Could not mark sent events on the relay's session (backend {}); they will be sent again "
                    + "with the same ids: {}", backendPid, e.getMessage());
            closeSession();
            return -1;
        }
    }

    /** The PostgreSQL backend holding the lock for this node, or 0 when it does not lead. */
    int backendPid() {
        return session == null ? 0 : backendPid;
    }

    /** Gives the lock up (for another node to take at once) and closes the session. */
    void release() {
        if (session != null) {
            try (Statement statement = session.createStatement()) {
                statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
            } catch (SQLException e) {
                log.debug("Releasing relay leadership: {}", e.getMessage());
            }
            closeSession();
        }
    }

    private boolean tryAcquire() {
        Connection connection = null;
        try {
            connection = connections.open();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                try (ResultSet result = statement.executeQuery(
                        "select pg_try_advisory_lock(" + LOCK_KEY + "), pg_backend_pid()")) {
                    result.next();
                    if (result.getBoolean(1)) {
                        session = connection;
                        backendPid = result.getInt(2);
                        log.info("This node now relays the event outbox to Kafka (relay lock held by database "
                                + "backend {})", backendPid);
                        return true;
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("Cannot check outbox relay leadership: {}", e.getMessage());
        }
        closeQuietly(connection);
        return false;
    }

    private static boolean holdsLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery("select " + HELD_BY_THIS_SESSION)) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void closeSession() {
        closeQuietly(session);
        session = null;
        backendPid = 0;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the relay's session: {}", e.getMessage());
            }
        }
    }

    /** Opens a new database session of the relay's own, not lent by a pool. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }
}
