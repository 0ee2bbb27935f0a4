package org.quorum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time spent by one application: this JVM (engine, officers, relay, in-process broker) plus its embedded
 * PostgreSQL (the postmaster, its live children and the children it has reaped). On a machine shared with other
 * work, throughput moves with whatever else runs, but the CPU an instance costs hardly does: the benchmark
 * reports both, and the CPU figure is the one to compare two variants by when the machine was busy.
 * Linux only (/proc); {@link #seconds()} is NaN where /proc or the postmaster cannot be read.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux this runs on

    private final long postmasterPid;

    CpuMeter(JdbcTemplate jdbc) {
        this.postmasterPid = postmasterPid(jdbc.queryForObject("show data_directory", String.class));
    }

    /** CPU seconds used so far by this JVM and by the application's PostgreSQL processes. */
    double seconds() {
        return jvmSeconds() + postgresSeconds();
    }

    /** CPU seconds used so far by this JVM: engine, officers, relay and the in-process broker. */
    static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** CPU seconds used so far by the application's PostgreSQL processes. */
    double postgresSeconds() {
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
        try {
            String line = Files.readString(file);
            // The command name (field 2) is in parentheses and may hold spaces: parse after its closing one.
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long postmasterPid(String dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
