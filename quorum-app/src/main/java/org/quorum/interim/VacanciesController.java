package org.quorum.interim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.quorum.infrastructure.camunda.ProcessStarts;
import org.quorum.infrastructure.web.SingleLine;
import org.quorum.positions.PositionRuleViolation;
import org.quorum.positions.Positions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/vacancies}: a post falls vacant; starts its interim-role-assignment (business key: the post). */
@RestController
class VacanciesController {

    private final ProcessStarts starts;
    private final Positions positions;

    VacanciesController(ProcessStarts starts, Positions positions) {
        this.starts = starts;
        this.positions = positions;
    }

    @PostMapping("/api/vacancies")
    ResponseEntity<ProcessStarts.Started> report(@Valid @RequestBody Vacancy vacancy) {
        String title;
        try {
            title = positions.find(vacancy.postId()).title();
        } catch (PositionRuleViolation unknown) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Invalid fields: postId");
            problem.setProperty("errors", List.of(Map.of("field", "postId",
                    "message", "must be an existing position (see /api/positions)")));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, unknown);
        }
        return starts.start(InterimVariables.PROCESS_ID, vacancy.postId(), Map.of(
                InterimVariables.POST_ID, vacancy.postId(),
                InterimVariables.POST_TITLE, title,
                InterimVariables.OUTGOING_HOLDER, vacancy.outgoingHolder(),
                InterimVariables.VACANCY_DATE, vacancy.vacancyDate().toString()));
    }

    record Vacancy(@NotBlank @Size(max = 64) @SingleLine String postId,
                   @NotBlank @Size(max = 200) @SingleLine String outgoingHolder,
                   @NotNull Instant vacancyDate) {
    }
}
