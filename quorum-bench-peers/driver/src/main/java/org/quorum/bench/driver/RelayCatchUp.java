package org.quorum.bench.driver;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** Unsent outbox rows when the officers stopped, and how long Quorum's relay then took to send them. */
public record RelayCatchUp(long unsentAtEndOfWindow,
                           @JsonSerialize(using = TwoDecimals.class) double secondsToEmpty) {
}
