package org.quorum.calendar.internal;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where a feed is served, shared by the feed and the settings that hand out its address. */
final class CalendarFeedPaths {

    static final String FEED = "/calendar/feeds/{token}.ics";

    private CalendarFeedPaths() {
    }

    /** The application's root as the current request reached it, without a trailing slash. */
    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    /** The feed's absolute address as the current request reached the application. */
    static String url(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(FEED).buildAndExpand(token).toUriString();
    }
}
