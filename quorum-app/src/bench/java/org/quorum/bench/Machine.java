package org.quorum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on, and how busy it was. Linux only (/proc). */
final class Machine {

    private Machine() {
    }

    static Description describe() {
        return new Description(Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/cpuinfo"), "model name"), firstValue(Path.of("/proc/meminfo"), "MemTotal"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
    static List<Double> loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return List.of(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Heap after a full collection and resident set of this JVM (application, broker and benchmark driver). */
    static Memory memory() {
        MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.gc();
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Memory(mib(before.getUsed()), mib(before.getCommitted()), mib(after.getUsed()),
                mib(ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed()),
                rssMiB(ProcessHandle.current().pid()));
    }

    /** VmRSS of a process in MiB, or -1 when /proc does not say. */
    static long rssMiB(long pid) {
        String value = firstValue(Path.of("/proc/" + pid + "/status"), "VmRSS");
        if (value == null) {
            return -1;
        }
        return Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024;
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** cpuModel and memTotal are null where /proc does not say. */
    record Description(int availableProcessors, String cpuModel, String memTotal, String os, String java,
                       List<String> jvmArguments) {
    }

    record Memory(long heapUsedMiB, long heapCommittedMiB, long heapUsedAfterGcMiB, long nonHeapUsedMiB,
                  long rssMiB) {
    }
}
