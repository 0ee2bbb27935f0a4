package org.quorum.infrastructure.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.quorum.infrastructure.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed predecessor left on the embedded PostgreSQL's data folder, dealt with before the new start.
 * <p>
 * The embedded PostgreSQL is a separate process (pg_ctl detaches it), so a JVM killed with SIGKILL (the OOM
 * killer, a power cut of the container) leaves it running on the folder and the next start finds its port taken.
 * Here the leftover is recognised and stopped, and nothing else is touched:
 * <ul>
 * <li>the folder's {@code postmaster.pid} names the postmaster; it counts as ours only if that process is alive,
 * is a {@code postgres} executable, runs as this user, has the data folder as its working directory (the
 * postmaster changes into it) and on its command line, and started when the pid file says (so a reused pid is
 * not mistaken for it);</li>
 * <li>it is an orphan only if no live application holds the folder's lock file ({@code epg-lock}, an OS file
 * lock that zonky takes for as long as the application runs and that dies with its process): a folder in use
 * by a running Quorum is refused, never stopped under it;</li>
 * <li>the orphan gets a fast shutdown (SIGINT: sessions ended, a checkpoint written), and if it has not gone
 * within the bound an immediate one (SIGQUIT: crash recovery at the next start); then the new server starts;</li>
 * <li>a pid file whose process is gone is left to PostgreSQL (it removes stale ones itself); one whose pid now
 * belongs to an unrelated process is removed, since PostgreSQL would refuse to start while that pid lives.</li>
 * </ul>
 * Without {@code /proc} (not Linux) nothing is stopped: the start fails naming the process, as before.
 */
final class LeftoverPostmaster {

    static final String FOLDER_LOCK = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(5);

    private final Duration fastShutdownWait;
    private final Duration immediateShutdownWait;

    LeftoverPostmaster(Duration fastShutdownWait, Duration immediateShutdownWait) {
        this.fastShutdownWait = fastShutdownWait;
        this.immediateShutdownWait = immediateShutdownWait;
    }

    /** Stops a postmaster a dead predecessor left on {@code dataDir}; returns its pid, or empty when none was. */
    Optional<Long> stopIfOrphaned(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Long pid = parsePid(lines);
        if (pid == null) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("Stale {} (process {} is gone); PostgreSQL removes it when it starts", pidFile, pid);
            return Optional.empty();
        }
        try (FolderLock folder = FolderLock.tryTake(dataDir.resolve(FOLDER_LOCK))) {
            if (folder == null) {
                throw new StartupProblem("The data folder " + dataDir + " is in use by another running Quorum "
                        + "(its PostgreSQL is process " + pid + ").",
                        "Stop the other Quorum first, or give this one its own folder with quorum.embedded.data-dir.");
            }
            Identity identity = identify(process.get(), dataDir, lines);
            switch (identity) {
                case OUR_POSTMASTER -> {
                    stop(process.get(), dataDir);
                    return Optional.of(pid);
                }
                case OTHER_PROCESS -> {
                    log.warn("{} names process {}, which is not a PostgreSQL of this folder: the file is stale and "
                            + "its pid now someone else's. Removing the file and leaving the process alone", pidFile, pid);
                    Files.deleteIfExists(pidFile);
                    return Optional.empty();
                }
                default -> throw new StartupProblem("Process " + pid + " named by " + pidFile
                        + " is alive, and Quorum cannot tell on this system whether it is this folder's PostgreSQL.",
                        "If it is a PostgreSQL left by an earlier run on this folder, stop it (kill -INT " + pid
                                + "); otherwise delete " + pidFile + ". Then start again.");
            }
        }
    }

    private void stop(ProcessHandle postmaster, Path dataDir) {
        long pid = postmaster.pid();
        log.warn("Found PostgreSQL (process {}) still running on {}, left by an earlier run that ended without "
                + "stopping it; stopping it (fast shutdown) and starting afresh", pid, dataDir);
        // Without a kill command, SIGTERM (a smart shutdown: the dead run's sessions are gone, so it ends as well).
        if ((signal(pid, "INT") || postmaster.destroy()) && exited(postmaster, fastShutdownWait)) {
            log.info("The earlier PostgreSQL (process {}) stopped", pid);
            return;
        }
        log.warn("The earlier PostgreSQL (process {}) did not stop within {}; shutting it down immediately", pid,
                fastShutdownWait);
        if (signal(pid, "QUIT") && exited(postmaster, immediateShutdownWait)) {
            log.info("The earlier PostgreSQL (process {}) stopped; it recovers from its log at this start", pid);
            return;
        }
        throw new StartupProblem("The PostgreSQL left running on " + dataDir + " (process " + pid
                + ") did not stop.", "Stop process " + pid + " (kill -QUIT " + pid + "), then start again.");
    }

    enum Identity { OUR_POSTMASTER, OTHER_PROCESS, UNKNOWN }

    static Identity identify(ProcessHandle process, Path dataDir, List<String> pidFileLines) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        if (!Files.isDirectory(proc)) {
            return Identity.UNKNOWN;
        }
        try {
            Path folder = dataDir.toRealPath();
            String executable = Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString();
            Path workingDir = Files.readSymbolicLink(proc.resolve("cwd"));
            List<String> arguments = Arrays.asList(
                    new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
            boolean postgres = executable.equals("postgres") || executable.startsWith("postgres ");
            boolean sameUser = process.info().user().equals(ProcessHandle.current().info().user());
            boolean inFolder = workingDir.equals(folder) && dataDirArgument(arguments, folder);
            boolean startedThen = startedAsRecorded(process, pidFileLines);
            return postgres && sameUser && inFolder && startedThen ? Identity.OUR_POSTMASTER : Identity.OTHER_PROCESS;
        } catch (IOException | UnsupportedOperationException e) {
            // The process exited meanwhile, or belongs to another user (whose /proc links we may not read, and who
            // cannot run a server on a folder only we may enter).
            return Identity.OTHER_PROCESS;
        }
    }

    private static boolean dataDirArgument(List<String> arguments, Path folder) {
        int flag = arguments.indexOf("-D");
        if (flag < 0 || flag + 1 >= arguments.size()) {
            return false;
        }
        try {
            return Path.of(arguments.get(flag + 1)).toRealPath().equals(folder);
        } catch (IOException e) {
            return false;
        }
    }

    /** Line 3 of postmaster.pid is the postmaster's start time in epoch seconds. */
    private static boolean startedAsRecorded(ProcessHandle process, List<String> pidFileLines) {
        Optional<Instant> started = process.info().startInstant();
        if (pidFileLines.size() < 3 || started.isEmpty()) {
            return true;
        }
        try {
            Instant recorded = Instant.ofEpochSecond(Long.parseLong(pidFileLines.get(2).trim()));
            return Duration.between(recorded, started.get()).abs().compareTo(START_TIME_TOLERANCE) <= 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static Long parsePid(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        try {
            // A single-user backend writes its pid negated; it is as much the folder's server.
            return Math.abs(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Java can send SIGTERM and SIGKILL only; PostgreSQL's fast and immediate shutdowns are SIGINT and SIGQUIT. */
    private static boolean signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            log.warn("Cannot send SIG{} to process {}: {}", signal, pid, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean exited(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
