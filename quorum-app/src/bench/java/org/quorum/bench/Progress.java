package org.quorum.bench;

import java.time.Instant;

/** What the run is doing, on standard output: a full run takes a quarter of an hour. */
final class Progress {

    private Progress() {
    }

    static void log(String line) {
        System.out.println("[bench " + Instant.now() + "] " + line);
    }
}
