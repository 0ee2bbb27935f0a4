package org.quorum.bench.driver;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The main of a peer's JVM: one round as the benchmark asks for it ({@link ForkRequest}), the peer's Spring Boot
 * application on its own PostgreSQL, driven by the same {@link ClosedLoop} as Quorum's variants, answered with a
 * {@link ForkedRound}. A peer runs the one-task model only.
 */
public final class PeerRound {

    private PeerRound() {
    }

    /**
     * A started peer.
     *
     * @param engineSettings the engine's settings as read back from it, by name
     */
    public record Peer(Workload oneTask, Map<String, Object> engineSettings) {
    }

    @FunctionalInterface
    public interface Deployer {

        /** Deploys the one-task model on the started application's engine. */
        Peer deploy(ConfigurableApplicationContext context) throws Exception;
    }

    public static void run(String[] args, Class<?> application, Deployer deployer) throws Exception {
        ForkRequest request = ForkRequest.parse(args);
        long starting = System.nanoTime();
        try (PeerPostgres postgres = PeerPostgres.start(request.dataDir().resolve("postgres"), request.fsync());
             ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                     .properties(postgres.datasourceProperties()).run()) {
            double startSeconds = TwoDecimals.round((System.nanoTime() - starting) / 1e9);
            Peer peer = deployer.deploy(context);
            Throughput oneTask = new ClosedLoop(request.officers(), postgres.cpu()).measure(peer.oneTask(),
                    "one-task-" + request.round(), request.warmup(), request.instances());
            Map<String, Object> engine = new LinkedHashMap<>(peer.engineSettings());
            engine.put("hikariMaximumPoolSize", context.getEnvironment().getProperty(
                    "spring.datasource.hikari.maximum-pool-size", "10 (Spring Boot default)"));
            new ForkedRound(startSeconds, postgres.settings(), engine, oneTask, null, null).write(request.result());
        }
    }
}
