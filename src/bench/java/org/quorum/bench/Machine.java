package org.quorum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures were measured on, and how busy it was. Linux only (/proc). */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("memTotal", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return machine;
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
    static Map<String, Object> memory() {
        Map<String, Object> memory = new LinkedHashMap<>();
        MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        memory.put("heapUsedMiB", mib(before.getUsed()));
        memory.put("heapCommittedMiB", mib(before.getCommitted()));
        System.gc();
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        memory.put("heapUsedAfterGcMiB", mib(after.getUsed()));
        memory.put("nonHeapUsedMiB", mib(ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed()));
        memory.put("rssMiB", rssMiB(ProcessHandle.current().pid()));
        return memory;
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
}
