package org.quorum.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        List<String> defaults = new ArrayList<>(List.of(
                "server.port=0",
                "quorum.embedded.data-dir=" + dataDir,
                // Tomcat's work folder in the data folder, removed with it (Spring Boot's own in /tmp is not).
                "server.tomcat.basedir=" + dataDir.resolve("tomcat"),
                "quorum.embedded.postgres.port=0",
                "quorum.embedded.postgres.fsync=false",
                "quorum.embedded.kafka.port=0",
                "quorum.embedded.kafka.controller-port=0",
                "quorum.demo-mail.smtp-port=0",
                "quorum.demo-mail.imap-port=0"));
        defaults.addAll(List.of(properties));
        Map<String, String> all = new LinkedHashMap<>();
        for (String property : defaults) {
            int equals = property.indexOf('=');
            all.put(property.substring(0, equals), property.substring(equals + 1));
        }
        // As command-line arguments, so that they override application.yaml (as an operator's would).
        return new SpringApplicationBuilder(QuorumApplication.class)
                .profiles(profiles.toArray(String[]::new))
                .listeners(new ForgetFailedWebapps())
                .run(all.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }

    public static ConfigurableApplicationContext startDemo(Path dataDir, String... properties) {
        return start(dataDir, List.of("demo"), properties);
    }
}
