package org.quorum.calendar.internal;

import java.net.URI;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.quorum.calendar.internal.FeedTokenStore.FeedToken;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.infrastructure.web.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/me/calendar-feeds}: the signed-in user's own feed tokens. A token is shown once, when issued;
 * another user's token is answered as unknown, so its id tells nothing.
 */
@RestController
@RequestMapping("/api/me/calendar-feeds")
class CalendarFeedSettingsController {

    private final FeedTokenStore tokens;
    private final IdentityService identity;

    CalendarFeedSettingsController(FeedTokenStore tokens, IdentityService identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @PostMapping
    ResponseEntity<IssuedFeed> issue() {
        String token = FeedTokenSecret.generate();
        long id = tokens.insert(CurrentUser.id(identity), FeedTokenSecret.hash(token), EngineClock.now());
        return ResponseEntity.created(URI.create("/api/me/calendar-feeds/" + id))
                .body(new IssuedFeed(id, CalendarFeedPaths.url(token), token));
    }

    @GetMapping
    List<FeedToken> mine() {
        return tokens.of(CurrentUser.id(identity));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        if (!tokens.revoke(id, CurrentUser.id(identity), EngineClock.now())) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "You have no calendar feed " + id), null);
        }
        return ResponseEntity.noContent().build();
    }

    /** The only answer that carries the token. */
    record IssuedFeed(long id, String url, String token) {
    }
}
