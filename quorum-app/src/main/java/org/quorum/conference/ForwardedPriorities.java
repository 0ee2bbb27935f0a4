package org.quorum.conference;

import java.util.Arrays;
import java.util.List;

/** The priorities a conference forwards to the Policy Commission, as recorded by an officer: one per line. */
public final class ForwardedPriorities {

    private ForwardedPriorities() {
    }

    /** Each non-blank line, trimmed, once, in the order given. */
    public static List<String> parse(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::trim).filter(line -> !line.isEmpty()).distinct().toList();
    }
}
