package org.quorum.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A peer's PostgreSQL: the embedded server Quorum runs (zonky, the same PostgreSQL 17 binaries), started the way
 * Quorum starts it: TCP on loopback only, no Unix socket, and with fsync and synchronous_commit on unless the
 * run asks otherwise (zonky's own default is off). On the variant's data folder, kept between rounds.
 */
public final class PeerPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PeerPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static PeerPostgres start(Path dataDirectory, boolean fsync) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "''");
        if (fsync) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        return new PeerPostgres(builder.start(), dataDirectory);
    }

    /** Spring Boot's datasource properties for this server. */
    public Map<String, Object> datasourceProperties() {
        return Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "spring.datasource.username", "postgres");
    }

    public ProcessCpu cpu() {
        return new ProcessCpu(dataDirectory);
    }

    /** fsync and synchronous_commit as the server reports them. */
    public PostgresSettings settings() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            return new PostgresSettings(show(statement, "fsync"), show(statement, "synchronous_commit"));
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet result = statement.executeQuery("show " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
