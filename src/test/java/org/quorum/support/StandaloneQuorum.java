package org.quorum.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.quorum.QuorumApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application as the README's run command does (embedded services, demo profile unless told
 * otherwise), for tests about startup and restarts that need their own lifecycle rather than a cached context.
 */
public final class StandaloneQuorum {

    private StandaloneQuorum() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, List<String> profiles, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "quorum.embedded.data-dir=" + dataDir,
                "quorum.embedded.postgres.port=0",
                "quorum.embedded.postgres.fsync=false",
                "quorum.embedded.kafka.port=0",
                "quorum.embedded.kafka.controller-port=0"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(QuorumApplication.class)
                .profiles(profiles.toArray(String[]::new))
                .properties(all.toArray(String[]::new))
                .run();
    }

    public static ConfigurableApplicationContext startDemo(Path dataDir, String... properties) {
        return start(dataDir, List.of("demo"), properties);
    }
}
