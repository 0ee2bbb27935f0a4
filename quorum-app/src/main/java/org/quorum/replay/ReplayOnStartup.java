package org.quorum.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code --quorum.replay=seed-2017} on the run command (demo profile): replays the seed once the node is ready
 * (demo cast and positions exist), on a thread of its own. The replay drives the node through its own REST API
 * like any client, so it is not part of startup: run as a startup step it held back readiness (Spring Boot
 * declares a node ready only after every startup runner) for as long as the replay took.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "quorum.replay", havingValue = SeedReplay.NAME)
class ReplayOnStartup {

    private static final Logger log = LoggerFactory.getLogger(ReplayOnStartup.class);

    private final WebServerApplicationContext server;
    private boolean started;

    ReplayOnStartup(WebServerApplicationContext server) {
        this.server = server;
    }

    @EventListener
    synchronized void onReady(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || started) {
            return;
        }
        started = true;
        int port = server.getWebServer().getPort();
        Thread replay = new Thread(() -> {
            try {
                ReplayController.replayOn(port);
            } catch (RuntimeException e) {
                log.error("Seed replay at startup failed", e);
            }
        }, "quorum-seed-replay");
        replay.setDaemon(true);
        replay.start();
    }
}
