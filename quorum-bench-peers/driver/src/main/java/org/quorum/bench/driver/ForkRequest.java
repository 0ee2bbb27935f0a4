package org.quorum.bench.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark asks of one variant's round, passed to that variant's own JVM as {@code --name=value}
 * arguments; the JVM answers with a {@link ForkedRound} in {@code result}.
 *
 * @param dataDir              the variant's data folder (fresh in round 1, the same one in later rounds)
 * @param endorsementInstances measured regional-endorsement instances; Quorum's variants only
 * @param fsync                PostgreSQL fsync and synchronous_commit
 * @param appProperties        extra application properties; Quorum's variants only
 * @param brokerPid            the process of the Kafka broker the variant's JVM uses, metered apart; 0 when none
 */
public record ForkRequest(String variant, int round, Path dataDir, Path result, int officers, int warmup,
                          int instances, int endorsementInstances, boolean fsync, List<String> appProperties, long brokerPid) {

    /** The command-line arguments that {@link #parse} reads back. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--variant=" + variant, "--round=" + round,
                "--data-dir=" + dataDir.toAbsolutePath(), "--result=" + result.toAbsolutePath(),
                "--officers=" + officers, "--warmup=" + warmup, "--instances=" + instances,
                "--endorsement-instances=" + endorsementInstances, "--fsync=" + fsync, "--broker-pid=" + brokerPid));
        appProperties.forEach(property -> arguments.add("--app=" + property));
        return arguments;
    }

    public static ForkRequest parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        List<String> appProperties = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg + " in "
                        + Arrays.toString(args));
            }
            String name = arg.substring(2, equals);
            String value = arg.substring(equals + 1);
            if (name.equals("app")) {
                appProperties.add(value);
            } else {
                values.put(name, value);
            }
        }
        return new ForkRequest(values.get("variant"), Integer.parseInt(values.get("round")),
                Path.of(values.get("data-dir")), Path.of(values.get("result")),
                Integer.parseInt(values.get("officers")), Integer.parseInt(values.get("warmup")),
                Integer.parseInt(values.get("instances")), Integer.parseInt(values.get("endorsement-instances")),
                Boolean.parseBoolean(values.get("fsync")), List.copyOf(appProperties),
                Long.parseLong(values.getOrDefault("broker-pid", "0")));
    }
}
