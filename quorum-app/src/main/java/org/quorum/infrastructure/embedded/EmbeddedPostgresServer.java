package org.quorum.infrastructure.embedded;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the embedded PostgreSQL's lifetime so that it stops after the application, not before.
 * <p>
 * zonky registers its own JVM shutdown hook that stops PostgreSQL ("fast" mode). JVM hooks run concurrently,
 * so on Ctrl+C the database vanished while Spring was still closing the engine, which then waited 30 s for a
 * connection. zonky offers no switch for this; its hook is a no-op once the instance is marked closed, so we
 * mark it closed after start and clear the mark when Spring destroys this bean and we really close it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String password;
    private final AtomicBoolean zonkyClosedFlag;

    EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
        this.zonkyClosedFlag = closedFlagOf(postgres);
        if (zonkyClosedFlag != null) {
            zonkyClosedFlag.set(true);
        }
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    /** The superuser's password (also in the data folder's {@code postgres.password}). */
    public String password() {
        return password;
    }

    /** The application database on 127.0.0.1. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + EmbeddedPostgresAutoConfiguration.DATABASE;
    }

    @Override
    public void close() throws IOException {
        if (zonkyClosedFlag != null) {
            zonkyClosedFlag.set(false);
        }
        postgres.close();
    }

    private static AtomicBoolean closedFlagOf(EmbeddedPostgres postgres) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField("closed");
            field.setAccessible(true);
            return (AtomicBoolean) field.get(postgres);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot defer zonky's shutdown hook ({}); PostgreSQL may stop before the application on exit",
                    e.toString());
            return null;
        }
    }
}
