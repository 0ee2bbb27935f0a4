package org.quorum.replay;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --quorum.replay=seed-2017} on the run command (demo profile): replays the seed once the node is up
 * and the demo cast and positions exist.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "quorum.replay", havingValue = SeedReplay.NAME)
@Order(Ordered.LOWEST_PRECEDENCE)
class ReplayOnStartup implements ApplicationRunner {

    private final WebServerApplicationContext server;

    ReplayOnStartup(WebServerApplicationContext server) {
        this.server = server;
    }

    @Override
    public void run(ApplicationArguments args) {
        ReplayController.replayOn(server.getWebServer().getPort());
    }
}
