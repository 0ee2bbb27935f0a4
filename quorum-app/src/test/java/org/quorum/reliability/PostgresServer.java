package org.quorum.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server as a process of its own, the postmaster started directly (not through pg_ctl) so that
 * the harness holds its pid: a fast shutdown is SIGINT, an immediate shutdown (a crash: recovery from WAL on the
 * next start) is SIGQUIT. zonky's binaries (a dependency of the embedded mode) run initdb once; the cluster then
 * runs on that data folder.
 */
final class PostgresServer {

    private final Processes processes;
    private final Path home;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private Path postgresBinary;
    private Process postmaster;

    PostgresServer(Processes processes, Path folder, int port) throws IOException {
        this.processes = processes;
        // As root, the server runs as nobody (below), who must be able to reach its data folder: the build's own
        // folder may sit under one nobody cannot enter (a clone in a mktemp folder is mode 700). So the data
        // lives in a folder of its own under the temporary directory that anyone may pass through; removed by
        // removeData() when the cluster closes.
        this.home = Files.createTempDirectory("quorum-faults-postgres-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx--x--x"));
        this.dataDir = home.resolve("data");
        this.logFile = folder.resolve("postgres.log");
        this.port = port;
    }

    void initialise() throws IOException {
        // zonky: initdb (trust authentication, user postgres) and a first start; its pid tells where its
        // binaries were unpacked. Then stopped, and from here on the postmaster is ours.
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setPort(port).start();
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            postgresBinary = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
        } finally {
            embedded.close();
        }
    }

    void start() {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            // PostgreSQL refuses to run as root (CI and this workplace run as root): as nobody, on a data folder
            // that nobody owns. setpriv execs, so the pid stays the postmaster's.
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            chownToNobody();
        }
        command.addAll(List.of(postgresBinary.toString(), "-D", dataDir.toString(),
                "-c", "port=" + port, "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=100", "-c", "shared_buffers=64MB",
                // Faults here are process faults, not power cuts: the page cache survives them, so fsync only
                // costs the shared disk time. synchronous_commit stays on (the default).
                "-c", "fsync=off", "-c", "full_page_writes=off"));
        postmaster = processes.start(command, Map.of(), logFile);
        Waits.until("PostgreSQL accepts connections on port " + port, Duration.ofSeconds(60), this::answers);
    }

    private static boolean runningAsRoot() {
        try {
            return Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void chownToNobody() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.toList()) {
                Files.setAttribute(file, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(file, "unix:gid", 65534, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot hand " + dataDir + " to the user nobody: " + e.getMessage(), e);
        }
    }

    /** Fast shutdown (SIGINT): sessions are ended, a checkpoint is written. */
    void stopFast() {
        stop("INT");
    }

    /** Immediate shutdown (SIGQUIT): no checkpoint; the next start recovers from the WAL, as after a crash. */
    void crash() {
        stop("QUIT");
    }

    private void stop(String signal) {
        Processes.signal(postmaster.pid(), signal);
        if (!Processes.awaitExit(postmaster, Duration.ofSeconds(60))) {
            throw new IllegalStateException("PostgreSQL did not stop within 60 s of SIG" + signal);
        }
    }

    boolean answers() {
        try (Connection ignored = connect()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("reliability-harness"), "postgres", "postgres");
    }

    String jdbcUrl(String applicationName) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?ApplicationName=" + applicationName
                + "&connectTimeout=5&socketTimeout=30";
    }

    long pid() {
        return postmaster.pid();
    }

    /** Removes the data folder; the server must have stopped. */
    void removeData() throws IOException {
        Cluster.deleteRecursively(home);
    }
}
