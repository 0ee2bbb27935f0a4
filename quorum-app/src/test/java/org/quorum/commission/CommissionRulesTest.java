package org.quorum.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommissionRulesTest {

    @Test
    void quorumIsMoreThanHalfOfTheMembers() {
        assertThat(CommissionQuorum.isMet(16, 30)).isTrue();
        assertThat(CommissionQuorum.isMet(15, 30)).isFalse();
        assertThat(CommissionQuorum.isMet(16, 31)).isTrue();
    }

    @Test
    void impossibleAttendanceIsRefusedWithTheNumbersNamed() {
        assertThatThrownBy(() -> CommissionQuorum.isMet(31, 30)).hasMessageContaining("31")
                .hasMessageContaining("30");
        assertThatThrownBy(() -> CommissionQuorum.isMet(0, 0)).hasMessageContaining("membersTotal");
    }

    @Test
    void approvalsAreFavourableAndRejectionIsNot() {
        assertThat(CouncilDecision.of("APPROVED").favourable()).isTrue();
        assertThat(CouncilDecision.of("APPROVED_AS_AMENDED").favourable()).isTrue();
        assertThat(CouncilDecision.of("REJECTED").favourable()).isFalse();
        assertThatThrownBy(() -> CouncilDecision.of("ADOPTED")).hasMessageContaining("APPROVED_AS_AMENDED");
    }
}
