package org.quorum.integrity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quorum.integrity.FormViolation;
import org.quorum.support.RepositoryFiles;

/** The server-side form check against every Camunda Form Quorum deploys, and the edge cases around them. */
class FormSubmissionValidatorTest {

    /** Every form, in the folder of the process that uses it (bpmn/forms/regional-endorsement/...). */
    static Stream<Path> forms() throws IOException {
        return Files.walk(RepositoryFiles.path("bpmn", "forms")).filter(p -> p.toString().endsWith(".form")).sorted();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void aSubmissionAsFormJsSendsItFitsEachForm(Path file) throws IOException {
        FormSchema form = FormSchema.parse(Files.readAllBytes(file));
        assertThat(form.id()).as("form id is the file name").isEqualTo(file.getFileName().toString()
                .replace(".form", ""));
        Map<String, Object> current = new HashMap<>();
        Map<String, Object> submitted = new LinkedHashMap<>();
        form.fields().values().forEach(field -> {
            Object value = validValue(field);
            if (field.readonly()) {
                current.put(field.key(), value);
            }
            submitted.put(field.key(), value);
        });
        assertThat(FormSubmissionValidator.validate(form, submitted, current)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void aNameTheFormDoesNotHaveIsRefusedOnEachForm(Path file) throws IOException {
        FormSchema form = FormSchema.parse(Files.readAllBytes(file));
        Map<String, Object> submitted = new LinkedHashMap<>();
        form.fields().values().stream().filter(f -> !f.readonly()).forEach(f -> submitted.put(f.key(), validValue(f)));
        submitted.put("actingFor", "SG");
        assertThat(FormSubmissionValidator.validate(form, submitted, Map.of()))
                .extracting(FormViolation::variable).containsExactly("actingFor");
    }

    @Test
    void eligibilityCannotBeOverriddenAtTheCompletenessCheck() {
        FormSchema form = form("check-request");
        Map<String, Object> current = Map.of("requestingAdministration", "Mexico", "facilityType",
                "REGIONAL_CUSTOMS_LABORATORY", "region", "AMERICAS_CARIBBEAN", "facilityEligible", false);

        assertThat(FormSubmissionValidator.validate(form, Map.of("checkResult", "COMPLETE", "eligible", true),
                current)).containsExactly(new FormViolation("eligible",
                "is not a field of this form (it has: requestingAdministration, facilityType, region, "
                        + "facilityEligible, checkResult, missingItems)"));
        assertThat(FormSubmissionValidator.validate(form, Map.of("checkResult", "COMPLETE",
                "facilityEligible", true), current)).extracting(FormViolation::variable)
                .containsExactly("facilityEligible");
    }

    @Test
    void readOnlyFieldsMayComeBackUnchangedAsFormJsSendsThem() {
        FormSchema form = form("check-request");
        Map<String, Object> current = Map.of("requestingAdministration", "Mexico", "facilityType",
                "REGIONAL_CUSTOMS_LABORATORY", "region", "AMERICAS_CARIBBEAN", "facilityEligible", true);
        Map<String, Object> sent = new HashMap<>(current);
        sent.put("checkResult", "INCOMPLETE");
        sent.put("missingItems", "");
        assertThat(FormSubmissionValidator.validate(form, sent, current)).isEmpty();

        sent.put("region", "EUROPE");
        assertThat(FormSubmissionValidator.validate(form, sent, current))
                .containsExactly(new FormViolation("region", "is read-only and may only be sent back unchanged"));
    }

    @Test
    void aReadOnlyDateVariableMatchesTheIsoStringFormJsSendsBack() {
        FormSchema form = form("obtain-missing-items");
        Date deadline = Date.from(Instant.parse("2027-05-15T09:00:00Z"));
        Map<String, Object> current = Map.of("resubmissionDeadline", deadline);
        assertThat(FormSubmissionValidator.validate(form, Map.of("itemsReceived", true,
                "resubmissionDeadline", "2027-05-15T09:00Z"), current)).isEmpty();
        assertThat(FormSubmissionValidator.validate(form, Map.of("itemsReceived", true,
                "resubmissionDeadline", "2027-05-15T09:00:00.000+0000"), current)).isEmpty();
        assertThat(FormSubmissionValidator.validate(form, Map.of("itemsReceived", true,
                "resubmissionDeadline", "2027-06-15T09:00Z"), current)).extracting(FormViolation::variable)
                .containsExactly("resubmissionDeadline");
        assertThat(FormSubmissionValidator.validate(form(("designate-interim-holder")), Map.of("interimHolder", "DSG",
                "interimEffectiveDate", "2027-01-01T00:00Z", "vacancyDate", "2027-01-01T00:00Z"),
                Map.of("vacancyDate", "2027-01-01T00:00:00Z"))).as("a date kept as an ISO string").isEmpty();
    }

    @Test
    void requiredFieldsMustBeThereAndNotEmpty() {
        FormSchema form = form("council-decision");
        assertThat(FormSubmissionValidator.validate(form, Map.of("councilSession", ""), Map.of()))
                .containsExactly(new FormViolation("councilDecision", "is required"),
                        new FormViolation("councilSession", "is required"));
        assertThat(FormSubmissionValidator.validate(form("approve-sg-mission"), Map.of("missionApproved", false),
                Map.of())).as("form-js: a required checkbox must be ticked")
                .containsExactly(new FormViolation("missionApproved", "is required"));
    }

    @Test
    void aCouncilDecisionMustBeOneOfTheFormsOptions() {
        assertThat(FormSubmissionValidator.validate(form("council-decision"), Map.of("councilDecision", "VETOED",
                "councilSession", "Council, 131st session"), Map.of())).containsExactly(new FormViolation(
                "councilDecision", "must be one of APPROVED, APPROVED_AS_AMENDED, REJECTED"));
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedEachNamed() {
        Map<String, Object> vote = new LinkedHashMap<>(Map.of("proposal", "ADOPT", "membersTotal", "thirty",
                "membersPresent", 27.5, "votesFor", Double.NaN, "votesAgainst", -1, "abstentions", 0L));
        assertThat(FormSubmissionValidator.validate(form("record-commission-vote"), vote, Map.of())).containsExactly(
                new FormViolation("membersTotal", "must be a number"),
                new FormViolation("votesAgainst", "must be at least 0"),
                new FormViolation("votesFor", "must be a number"));
        assertThat(FormSubmissionValidator.validate(form("approve-sg-mission"), Map.of("missionApproved", "yes"),
                Map.of())).containsExactly(new FormViolation("missionApproved", "must be true or false"));
        assertThat(FormSubmissionValidator.validate(form("draft-report"), Map.of("reportTitle", 42,
                "reportText", List.of("a")), Map.of())).extracting(FormViolation::variable)
                .containsExactly("reportText", "reportTitle");
    }

    @Test
    void datesAreIsoStringsOfTheFieldsSubtypeAndReal() {
        FormSchema schedule = form("schedule-session");
        assertThat(FormSubmissionValidator.validate(schedule, Map.of("sessionReference", "PC 78",
                "sessionDate", "2027-02-30T09:00Z"), Map.of())).containsExactly(new FormViolation("sessionDate",
                "must be a date and time such as 2027-05-15T09:00Z"));
        assertThat(FormSubmissionValidator.validate(schedule, Map.of("sessionReference", "PC 78",
                "sessionDate", "next Tuesday"), Map.of())).extracting(FormViolation::variable)
                .containsExactly("sessionDate");
        assertThat(FormSubmissionValidator.validate(schedule, Map.of("sessionReference", "PC 78",
                "sessionDate", new Date()), Map.of())).as("a Date value sent through REST").isEmpty();
        FormSchema subtypes = FormSchema.parse(("""
                {"id":"subtypes","components":[
                 {"type":"datetime","key":"day","subtype":"date"},
                 {"type":"datetime","key":"hour","subtype":"time"}]}""").getBytes(StandardCharsets.UTF_8));
        assertThat(FormSubmissionValidator.validate(subtypes, Map.of("day", "2027-05-15", "hour", "09:15Z"),
                Map.of())).isEmpty();
        assertThat(FormSubmissionValidator.validate(subtypes, Map.of("day", "2027-13-01", "hour", "25:00"),
                Map.of())).extracting(FormViolation::variable).containsExactly("day", "hour");
    }

    @Test
    void theFormsOwnValidateRulesHold() {
        FormSchema form = FormSchema.parse(("""
                {"id":"rules","components":[
                 {"type":"number","key":"seats","validate":{"min":1,"max":30}},
                 {"type":"textfield","key":"code","validate":{"minLength":3,"maxLength":5,"pattern":"^[A-Z]+$"}},
                 {"type":"number","key":"asText","serializeToString":true},
                 {"type":"checklist","key":"regions","values":[{"label":"E","value":"EUROPE"},
                   {"label":"A","value":"ASIA_PACIFIC"}]}]}""").getBytes(StandardCharsets.UTF_8));
        assertThat(FormSubmissionValidator.validate(form, Map.of("seats", 30, "code", "ABC", "asText", "12.5",
                "regions", List.of("EUROPE")), Map.of())).isEmpty();
        assertThat(FormSubmissionValidator.validate(form, Map.of("seats", 31, "code", "AB"), Map.of()))
                .containsExactly(new FormViolation("code", "must have at least 3 characters"),
                        new FormViolation("seats", "must be at most 30"));
        assertThat(FormSubmissionValidator.validate(form, Map.of("seats", 0, "code", "ABCDEF"), Map.of()))
                .containsExactly(new FormViolation("code", "must have at most 5 characters (has 6)"),
                        new FormViolation("seats", "must be at least 1"));
        assertThat(FormSubmissionValidator.validate(form, Map.of("code", "abc", "asText", "x",
                "regions", List.of("EUROPE", "AFRICA")), Map.of())).containsExactly(
                new FormViolation("asText", "must be a number (as text)"),
                new FormViolation("code", "must match the pattern ^[A-Z]+$"),
                new FormViolation("regions", "must only contain EUROPE, ASIA_PACIFIC (not AFRICA)"));
    }

    @Test
    void aMegabyteStringIsRefusedByTheDefaultCapOnFieldsWithoutMaxLength() {
        String megabyte = "x".repeat(1024 * 1024);
        assertThat(FormSubmissionValidator.validate(form("draft-report"), Map.of("reportTitle", "Report",
                "reportText", megabyte), Map.of())).containsExactly(new FormViolation("reportText",
                "must have at most 4000 characters (has 1048576)"));
        assertThat(FormSubmissionValidator.validate(form("draft-report"), Map.of("reportTitle", "Report",
                "reportText", "y".repeat(FormSubmissionValidator.DEFAULT_MAX_LENGTH)), Map.of())).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedButATextAreaKeepsItsLines() {
        FormSchema form = form("draft-report");
        assertThat(FormSubmissionValidator.validate(form, Map.of("reportTitle", "Report\u0000",
                "reportText", "line one\r\nline two\tend"), Map.of())).containsExactly(new FormViolation(
                "reportTitle", "must not contain control characters (U+0000 at position 6)"));
        assertThat(FormSubmissionValidator.validate(form, Map.of("reportTitle", "Re\nport",
                "reportText", "bell\u0007"), Map.of())).extracting(FormViolation::variable)
                .containsExactly("reportText", "reportTitle");
    }

    @Test
    void aStepWithoutAFormTakesNoVariables() {
        assertThat(FormSubmissionValidator.withoutForm(Map.of("b", 1, "a", 2))).containsExactly(
                new FormViolation("a", "cannot be set: this step has no form"),
                new FormViolation("b", "cannot be set: this step has no form"));
        assertThat(FormSubmissionValidator.withoutForm(Map.of())).isEmpty();
    }

    @Test
    void serializedObjectsFitNoField() {
        assertThat(FormSubmissionValidator.validate(form("draft-report"), Map.of("reportTitle", new Object(),
                "reportText", "text"), Map.of())).containsExactly(new FormViolation("reportTitle", "must be text"));
    }

    @Test
    void aFormWithAPatternJavaCannotReadIsAnError() {
        assertThatThrownBy(() -> FormSchema.parse("""
                {"id":"bad","components":[{"type":"textfield","key":"x","validate":{"pattern":"(["}}]}"""
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'");
    }

    private static FormSchema form(String id) {
        try (Stream<Path> forms = forms()) {
            Path file = forms.filter(p -> p.getFileName().toString().equals(id + ".form")).findFirst().orElseThrow();
            return FormSchema.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What form-js would send for a field a user filled in correctly. */
    private static Object validValue(FormSchema.Field field) {
        return switch (field.type()) {
            case "textfield", "textarea" -> "Some text";
            case "number" -> field.min() != null ? field.min().intValue() : 1;
            case "checkbox" -> true;
            case "select", "radio" -> field.options().iterator().next();
            case "datetime" -> "2027-05-15T09:00Z";
            default -> throw new IllegalStateException("no value for a " + field.type());
        };
    }
}
