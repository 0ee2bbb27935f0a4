package org.quorum.conference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForwardedPrioritiesTest {

    @Test
    void eachNonBlankLineIsOnePriorityOnce() {
        assertThat(ForwardedPriorities.parse(" Trade facilitation \r\n\nE-commerce\nTrade facilitation\n"))
                .containsExactly("Trade facilitation", "E-commerce");
    }

    @Test
    void noTextForwardsNothing() {
        assertThat(ForwardedPriorities.parse(null)).isEmpty();
        assertThat(ForwardedPriorities.parse("  \n")).isEmpty();
    }
}
