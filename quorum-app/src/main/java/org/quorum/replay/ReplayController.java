package org.quorum.replay;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.quorum.identity.Groups;
import org.quorum.infrastructure.web.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/demo/replays/seed-2017} (demo profile, administrators): replays the seed's 2017 conference
 * against this node and answers with the instances it started.
 */
@RestController
@Profile("demo")
class ReplayController {

    private static final Logger log = LoggerFactory.getLogger(ReplayController.class);

    private final WebServerApplicationContext server;
    private final IdentityService identity;

    ReplayController(WebServerApplicationContext server, IdentityService identity) {
        this.server = server;
        this.identity = identity;
    }

    @PostMapping("/api/demo/replays/" + SeedReplay.NAME)
    SeedReplay.Summary replay() {
        CurrentUser.requireGroup(identity, Groups.CAMUNDA_ADMIN,
                "Only administrators (group camunda-admin) may run a replay");
        try {
            return replayOn(server.getWebServer().getPort());
        } catch (IllegalStateException e) {
            log.error("Replay failed", e);
            throw new ErrorResponseException(HttpStatus.INTERNAL_SERVER_ERROR, ProblemDetail.forStatusAndDetail(
                    HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage()), e);
        }
    }

    static SeedReplay.Summary replayOn(int port) {
        String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        return new SeedReplay(new ReplayClient("http://127.0.0.1:" + port), run).run();
    }
}
