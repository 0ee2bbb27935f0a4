package org.quorum.conference;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The collection of the multi-instance review in the BPMN ({@code ${forwardedPriorities.of(prioritiesForwarded)}}):
 * the list is computed, never stored, since a list variable would need Java serialization (off in Quorum).
 */
@Component("forwardedPriorities")
public class ForwardedPrioritiesCollection {

    public List<String> of(String prioritiesForwarded) {
        return ForwardedPriorities.parse(prioritiesForwarded);
    }
}
