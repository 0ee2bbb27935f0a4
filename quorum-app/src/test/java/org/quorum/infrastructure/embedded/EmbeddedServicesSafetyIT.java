package org.quorum.infrastructure.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.support.ListeningSockets;
import org.quorum.support.OwnApplication;
import org.quorum.support.StandaloneQuorum;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded services' safety defaults, checked on a node started as the README's run command starts it: the
 * database password is generated and kept owner-only, a wrong or missing password is refused, both services
 * listen on 127.0.0.1 only; and a data folder is never served by two servers, nor another folder's server
 * touched.
 */
@OwnApplication
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedServicesSafetyIT {

    @TempDir
    Path dataDir;

    @Test
    void databasePasswordIsGeneratedOwnerOnlyAndRequiredAndBothServicesListenOnLoopbackOnly() throws Exception {
        try (ConfigurableApplicationContext node = StandaloneQuorum.startDemo(dataDir)) {
            EmbeddedPostgresServer postgres = node.getBean(EmbeddedPostgresServer.class);
            EmbeddedKafkaBroker broker = node.getBean(EmbeddedKafkaBroker.class);
            Path passwordFile = dataDir.resolve("postgres.password");

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(postgres.password()).hasSizeGreaterThan(20);

            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres",
                    postgres.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "not-the-password"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);

            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("127.0.0.1");
            assertThat(jdbc.queryForObject("show unix_socket_directories", String.class)).isEmpty();
            assertThat(jdbc.queryForList("select type, address, auth_method from pg_hba_file_rules"))
                    .containsExactly(Map.of("type", "host", "address", "127.0.0.1", "auth_method", "scram-sha-256"));

            assertThat(ListeningSockets.addresses(postgres.postgres().getPort())).containsExactly("127.0.0.1");
            assertThat(ListeningSockets.addresses(broker.port())).containsExactly("127.0.0.1");
            assertThat(ListeningSockets.addresses(broker.controllerPort())).containsExactly("127.0.0.1");
        }
    }

    @Test
    void aDataFolderMadeBeforeThePasswordGetsOneAtItsNextStart() throws Exception {
        // What earlier versions left: a cluster whose superuser has no password, reached with trust.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            assertThat(earlier.getPostgresDatabase().getConnection().isValid(2)).isTrue();
        }
        assertThat(dataDir.resolve("postgres.password")).doesNotExist();

        try (ConfigurableApplicationContext node = StandaloneQuorum.startDemo(dataDir)) {
            EmbeddedPostgresServer postgres = node.getBean(EmbeddedPostgresServer.class);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dataDir.resolve("postgres.password")))).isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "not-the-password"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres",
                    postgres.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(node.getBean(JdbcTemplate.class).queryForList(
                    "select type, address, auth_method from pg_hba_file_rules"))
                    .containsExactly(Map.of("type", "host", "address", "127.0.0.1", "auth_method", "scram-sha-256"));
        }
    }

    @Test
    void aFolderInUseIsRefusedAndAnotherFoldersServerOrAReusedPidIsLeftAlone(CapturedOutput output)
            throws Exception {
        Path first = dataDir.resolve("first");
        Path second = dataDir.resolve("second");
        try (ConfigurableApplicationContext node = StandaloneQuorum.startDemo(first)) {
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            long firstPostmaster = postmasterPid(first);

            assertThatThrownBy(() -> StandaloneQuorum.startDemo(first)).isInstanceOf(RuntimeException.class);
            assertThat(output).contains("is in use by another running Quorum");
            assertThat(jdbc.queryForObject("select 1", Integer.class)).as("the first node's database").isEqualTo(1);

            StandaloneQuorum.startDemo(second).close();
            // The second folder's pid file names the first folder's live postmaster, as if copied along.
            Files.copy(first.resolve("postgres").resolve("postmaster.pid"),
                    second.resolve("postgres").resolve("postmaster.pid"));
            try (ConfigurableApplicationContext other = StandaloneQuorum.startDemo(second)) {
                assertThat(ProcessHandle.of(firstPostmaster).map(ProcessHandle::isAlive)).contains(true);
                assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
                assertThat(other.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class)).isEqualTo(1);
                assertThat(postmasterPid(second)).isNotEqualTo(firstPostmaster);
            }
            assertThat(output).contains("which is not a PostgreSQL of this folder");
        }
    }

    @Test
    void aPidFileNamingAnUnrelatedLiveProcessIsRemovedAndTheProcessLeftAlone() throws Exception {
        Path folder = Files.createDirectories(dataDir.resolve("postgres"));
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            Files.writeString(folder.resolve("postmaster.pid"), unrelated.pid() + "\n" + folder + "\n"
                    + (System.currentTimeMillis() / 1000) + "\n54320\n");

            assertThat(new LeftoverPostmaster(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5))
                    .stopIfOrphaned(folder)).isEmpty();

            assertThat(unrelated.isAlive()).isTrue();
            assertThat(folder.resolve("postmaster.pid")).doesNotExist();
        } finally {
            unrelated.destroyForcibly().waitFor();
        }
    }

    static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
    }
}
