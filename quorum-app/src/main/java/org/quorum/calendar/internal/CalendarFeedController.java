package org.quorum.calendar.internal;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /calendar/feeds/{token}.ics}: a user's due tasks for their calendar application, which cannot sign in
 * to Quorum; the token in the path is the credential, so no authentication filter covers this path. An unknown
 * and a revoked token get the same bare 404.
 */
@RestController
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final FeedTokenStore tokens;
    private final DueTasks dueTasks;

    CalendarFeedController(FeedTokenStore tokens, DueTasks dueTasks) {
        this.tokens = tokens;
        this.dueTasks = dueTasks;
    }

    @GetMapping(CalendarFeedPaths.FEED)
    ResponseEntity<String> feed(@PathVariable String token) {
        String userId = tokens.userOf(FeedTokenSecret.hash(token)).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, notFound(), null));
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .body(TaskCalendar.of(dueTasks.of(userId), CalendarFeedPaths.base()));
    }

    /** Names the feeds, not the request: Spring would otherwise echo the path, and with it the secret token. */
    private static ProblemDetail notFound() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setInstance(URI.create(CalendarFeedPaths.FEED.substring(0, CalendarFeedPaths.FEED.indexOf('{'))));
        return problem;
    }
}
