package org.quorum.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EndorsementRulesTest {

    @Test
    void requesterHasUntilTheEndOfTheThirtiethDay() {
        assertThat(ResubmissionDeadline.after(Instant.parse("2017-05-16T15:30:00Z")))
                .isEqualTo(Instant.parse("2017-06-15T23:59:59Z"));
    }

    @Test
    void requestStillIncompleteAtTheEndWasWithdrawn() {
        assertThat(EndorsementOutcome.of("INCOMPLETE", true, null, null)).isEqualTo(EndorsementOutcome.WITHDRAWN);
    }

    @Test
    void completeRequestForAnIneligibleFacilityIsIneligible() {
        assertThat(EndorsementOutcome.of("COMPLETE", false, null, null)).isEqualTo(EndorsementOutcome.INELIGIBLE);
        assertThat(EndorsementOutcome.of("INELIGIBLE", true, null, null)).isEqualTo(EndorsementOutcome.INELIGIBLE);
    }

    @Test
    void endorsedRequestIsRecognisedOnlyOnAFavourableCouncilDecision() {
        assertThat(EndorsementOutcome.of("COMPLETE", true, "ENDORSE", true)).isEqualTo(EndorsementOutcome.RECOGNISED);
        assertThat(EndorsementOutcome.of("COMPLETE", true, "ENDORSE", false))
                .isEqualTo(EndorsementOutcome.RECOGNITION_REFUSED);
        assertThat(EndorsementOutcome.of("COMPLETE", true, "DECLINE", null)).isEqualTo(EndorsementOutcome.DECLINED);
    }

    @Test
    void deferredRequestHasNoOutcomeYet() {
        assertThatThrownBy(() -> EndorsementOutcome.of("COMPLETE", true, "DEFER", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DEFER");
    }

    @Test
    void noticeNamesTheAdministrationAndTheFacility() {
        assertThat(EndorsementOutcome.DECLINED.noticeTo("Canada", "REGIONAL_DOG_TRAINING_CENTRE")).isEqualTo(
                "Canada: the delegates of the regional conference declined the request for a regional dog training "
                        + "centre.");
    }
}
