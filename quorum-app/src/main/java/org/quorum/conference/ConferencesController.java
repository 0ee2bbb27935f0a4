package org.quorum.conference;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.quorum.common.Region;
import org.quorum.infrastructure.camunda.ProcessStarts;
import org.quorum.infrastructure.web.OneOf;
import org.quorum.infrastructure.web.SingleLine;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/conferences}: a host's accepted invitation starts the preparation of a regional conference. */
@RestController
class ConferencesController {

    private final ProcessStarts starts;

    ConferencesController(ProcessStarts starts) {
        this.starts = starts;
    }

    @PostMapping("/api/conferences")
    ResponseEntity<ProcessStarts.Started> start(@Valid @RequestBody NewConference conference) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ConferenceVariables.CONFERENCE_TITLE, conference.conferenceTitle());
        variables.put(ConferenceVariables.REGION, conference.region());
        variables.put(ConferenceVariables.HOST_ADMINISTRATION, conference.hostAdministration());
        if (conference.conferenceStartDate() != null) {
            variables.put(ConferenceVariables.CONFERENCE_START_DATE, conference.conferenceStartDate().toString());
        }
        if (conference.conferenceEndDate() != null) {
            variables.put(ConferenceVariables.CONFERENCE_END_DATE, conference.conferenceEndDate().toString());
        }
        if (conference.venue() != null) {
            variables.put(ConferenceVariables.VENUE, conference.venue());
        }
        return starts.start(ConferenceVariables.PROCESS_ID, conference.reference(), variables);
    }

    /**
     * Dates are proposals the secretariat confirms in the first tasks; when given they may not be past.
     * {@code reference} becomes the business key (also of the reviews the conference starts), e.g.
     * {@code CONF-2017-AMERICAS}.
     */
    record NewConference(
            @NotBlank @Size(max = 200) @SingleLine String conferenceTitle,
            @NotBlank @OneOf(Region.class) String region,
            @NotBlank @Size(max = 200) @SingleLine String hostAdministration,
            @FutureOrPresent Instant conferenceStartDate,
            @FutureOrPresent Instant conferenceEndDate,
            @Size(max = 200) @SingleLine String venue,
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,63}", message = "must be upper-case letters, digits and hyphens")
            String reference) {

        @AssertTrue(message = "conferenceEndDate must not be before conferenceStartDate")
        boolean isDatesInOrder() {
            return conferenceStartDate == null || conferenceEndDate == null
                    || !conferenceEndDate.isBefore(conferenceStartDate);
        }
    }
}
