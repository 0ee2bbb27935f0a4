package org.quorum.bench.driver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by one variant: the JVM this runs in (the engine, the officers driving it, and for Quorum the
 * relay and the in-process broker) plus its embedded PostgreSQL (the postmaster, its live children and the
 * children it has reaped). Every variant runs in a JVM of its own, so the JVM's figure is that variant's alone.
 * On a machine shared with other work, throughput moves with whatever else runs, but the CPU an instance costs
 * hardly does. Linux only (/proc); PostgreSQL's figure is NaN where /proc or the postmaster cannot be read.
 */
public final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux this runs on

    private final long postmasterPid;
    private final long brokerPid;

    /** @param postgresDataDirectory PostgreSQL's data directory, where postmaster.pid names the server */
    public ProcessCpu(Path postgresDataDirectory) {
        this(postgresDataDirectory, 0);
    }

    /**
     * @param brokerPid the Kafka broker's own process, metered apart from the JVM and PostgreSQL; 0 when the variant
     *                  has none (the peers) or runs it inside its JVM
     */
    public ProcessCpu(Path postgresDataDirectory, long brokerPid) {
        this.postmasterPid = postmasterPid(postgresDataDirectory);
        this.brokerPid = brokerPid;
    }

    /** CPU seconds used so far by the broker's process; NaN when there is none or it cannot be read. */
    public double brokerSeconds() {
        long[] stat = brokerPid > 0 ? stat(Path.of("/proc", Long.toString(brokerPid), "stat")) : null;
        return stat == null ? Double.NaN : (stat[1] + stat[2]) / TICKS_PER_SECOND;
    }

    /** CPU seconds used so far by this JVM. */
    public static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /**
     * CPU seconds used so far by this JVM's JIT compiler threads (HotSpot names them "C1 CompilerThreadN" and
     * "C2 CompilerThreadN"; Linux shows the first 15 characters). A compiler thread that the JVM retires takes
     * its figure with it, so this is a lower bound. NaN where /proc cannot be read.
     */
    public static double jitSeconds() {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : threads.toList()) {
                String line = readOrNull(thread.resolve("stat"));
                if (line != null && line.contains("CompilerThre")) {
                    long[] stat = parse(line);
                    ticks += stat[1] + stat[2];
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** CPU seconds used so far by the PostgreSQL processes of the data directory. */
    public double postgresSeconds() {
        if (postmasterPid < 0) {
            return Double.NaN;
        }
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long[] stat = stat(process.resolve("stat"));
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == postmasterPid) {
                    ticks += stat[1] + stat[2] + stat[3] + stat[4];
                } else if (stat[0] == postmasterPid) {
                    ticks += stat[1] + stat[2];
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** ppid, utime, stime, cutime, cstime from /proc/[pid]/stat, or null if the process is gone. */
    private static long[] stat(Path file) {
        String line = readOrNull(file);
        try {
            return line == null ? null : parse(line);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long[] parse(String line) {
        // The command name (field 2) is in parentheses and may hold spaces: parse after its closing one.
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                Long.parseLong(f[13]), Long.parseLong(f[14])};
    }

    private static String readOrNull(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static long postmasterPid(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
