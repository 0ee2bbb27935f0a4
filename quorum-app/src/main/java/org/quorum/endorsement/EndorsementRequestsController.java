package org.quorum.endorsement;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.quorum.common.Region;
import org.quorum.infrastructure.camunda.ProcessStarts;
import org.quorum.infrastructure.web.OneOf;
import org.quorum.infrastructure.web.PlainText;
import org.quorum.infrastructure.web.SingleLine;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/endorsement-requests}: a member administration's request, one process instance each. */
@RestController
class EndorsementRequestsController {

    private final ProcessStarts starts;

    EndorsementRequestsController(ProcessStarts starts) {
        this.starts = starts;
    }

    @PostMapping("/api/endorsement-requests")
    ResponseEntity<ProcessStarts.Started> submit(@Valid @RequestBody NewRequest request) {
        String reference = request.reference() != null ? request.reference()
                : "REQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return starts.start(EndorsementVariables.PROCESS_ID, reference, Map.of(
                EndorsementVariables.REQUESTING_ADMINISTRATION, request.requestingAdministration(),
                EndorsementVariables.FACILITY_TYPE, request.facilityType(),
                EndorsementVariables.REGION, request.region(),
                EndorsementVariables.REQUEST_SUMMARY, request.requestSummary()));
    }

    /** {@code reference} becomes the business key (generated when absent), e.g. {@code REQ-2017-MEX-LAB}. */
    record NewRequest(
            @NotBlank @Size(max = 200) @SingleLine String requestingAdministration,
            @NotBlank @OneOf(FacilityType.class) String facilityType,
            @NotBlank @OneOf(Region.class) String region,
            @NotBlank @Size(max = 4000) @PlainText String requestSummary,
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,63}", message = "must be upper-case letters, digits and hyphens")
            String reference) {
    }
}
