package org.quorum.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating-system processes one cluster started: each is stopped by its pid (SIGKILL) when the cluster
 * closes, and by a JVM shutdown hook if the test JVM exits first (Ctrl+C, a failsafe timeout), so a failed run
 * leaves no server behind on 127.0.0.1.
 */
final class Processes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Processes.class);

    private final List<Process> started = new ArrayList<>();
    private final Thread hook = new Thread(this::killAll, "reliability-cluster-cleanup");

    Processes() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code command} with its output (stdout and stderr) appended to {@code logFile}. */
    synchronized Process start(List<String> command, Map<String, String> environment, Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Sends a signal by pid, as an operator (or the kernel) would: KILL, STOP, CONT, INT, QUIT, TERM. */
    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill -s " + signal + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded) for a process to be gone, e.g. after a signal. */
    static boolean awaitExit(Process process, Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void killAll() {
        // Also when the test was interrupted (a JUnit timeout): waiting for the exits must still work.
        boolean interrupted = Thread.interrupted();
        for (Process process : started) {
            if (process.isAlive()) {
                // A stopped (SIGSTOP) process takes SIGKILL too; its children (none expected) go with it.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                signal(process.pid(), "KILL");
                if (!awaitExit(process, Duration.ofSeconds(10))) {
                    log.warn("Process {} did not exit after SIGKILL", process.pid());
                }
            }
        }
        started.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run: nothing left to do
        }
    }
}
