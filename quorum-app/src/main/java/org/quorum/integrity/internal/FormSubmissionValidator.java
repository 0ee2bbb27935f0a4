package org.quorum.integrity.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.quorum.integrity.FormViolation;

/**
 * Checks a submission against a Camunda Form the way form-js checks it in the browser, so that the server
 * refuses what a user could only send by going around the form: names the form does not have, a read-only field
 * sent back with another value, a missing required field, an option the form does not offer, a value of the wrong
 * type, and the form's own {@code validate} rules (required, min, max, minLength, maxLength, pattern).
 * <p>
 * Inputs are plain Java values ({@code String}, {@code Number}, {@code Boolean}, {@code java.util.Date},
 * {@code List}, {@code Map}, {@code null}); anything else (a serialized Java object, a file, bytes) fits no field.
 * <ul>
 * <li>Empty means {@code null}, {@code ""}, an empty list or, for a checkbox, {@code false} (form-js's rule).</li>
 * <li>A text value with no {@code maxLength} in the form may have at most {@value #DEFAULT_MAX_LENGTH} characters:
 * the size of the engine's string variable column (Camunda stores longer strings elsewhere, as bytes, which nobody
 * would read back in a form), so a 1 MB string is refused rather than stored.</li>
 * <li>Control characters (U+0000 to U+001F and U+007F) are refused, except tab, line feed and carriage return in a
 * text area: no form-js input produces them, and PostgreSQL refuses U+0000 outright.</li>
 * <li>Dates are the ISO strings form-js sends ({@code 2027-05-15} for subtype date, {@code 09:00} or
 * {@code 09:00Z} for time, {@code 2027-05-15T09:00Z} for datetime; seconds and offsets accepted) or a
 * {@code Date} value sent through the REST API; impossible dates (30 February) are refused.</li>
 * <li>A pattern is searched in the value, as JavaScript's {@code RegExp.test} does in form-js.</li>
 * <li>A field shown or hidden by a condition (FEEL, which the server does not evaluate) is not enforced as
 * required; all its other rules apply when it is sent.</li>
 * </ul>
 */
final class FormSubmissionValidator {

    static final int DEFAULT_MAX_LENGTH = 4000;

    private static final Set<String> TEXT = Set.of("textfield", "textarea");
    private static final Set<String> SINGLE_CHOICE = Set.of("select", "radio");
    private static final Set<String> MULTIPLE_CHOICE = Set.of("checklist", "taglist");
    private static final DateTimeFormatter LOCAL_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter();

    private FormSubmissionValidator() {
    }

    /**
     * @param form      the task's or start event's form
     * @param submitted the variables the caller sent, by name
     * @param current   the values the task sees now (empty for a start): what a read-only field must keep
     */
    static List<FormViolation> validate(FormSchema form, Map<String, ?> submitted, Map<String, ?> current) {
        List<FormViolation> violations = new ArrayList<>();
        for (String name : new TreeSet<>(submitted.keySet())) {
            FormSchema.Field field = form.fields().get(name);
            if (field == null) {
                violations.add(new FormViolation(name, "is not a field of this form (it has: "
                        + String.join(", ", form.keys()) + ")"));
            } else {
                check(field, submitted.get(name), current, violations);
            }
        }
        for (FormSchema.Field field : form.fields().values()) {
            if (field.required() && !field.readonly() && !field.conditional()
                    && isEmpty(field, submitted.get(field.key()))) {
                violations.add(new FormViolation(field.key(), "is required"));
            }
        }
        return violations;
    }

    /** A task or start event with no form takes no variables. */
    static List<FormViolation> withoutForm(Map<String, ?> submitted) {
        return new TreeSet<>(submitted.keySet()).stream()
                .map(name -> new FormViolation(name, "cannot be set: this step has no form")).toList();
    }

    private static void check(FormSchema.Field field, Object value, Map<String, ?> current,
                              List<FormViolation> violations) {
        if (field.readonly()) {
            Object now = current.containsKey(field.key()) ? current.get(field.key()) : field.defaultValue();
            if (!sameValue(field, value, now)) {
                violations.add(new FormViolation(field.key(), "is read-only and may only be sent back unchanged"));
            }
            return;
        }
        if (isEmpty(field, value)) {
            return;
        }
        String problem = switch (field.type()) {
            case "textfield", "textarea" -> text(field, value);
            case "number" -> number(field, value);
            case "checkbox" -> value instanceof Boolean ? null : "must be true or false";
            case "select", "radio" -> option(field, value, current);
            case "checklist", "taglist" -> options(field, value, current);
            case "datetime" -> dateTime(field, value);
            default -> "is a field of type '" + field.type() + "', which the server does not accept submissions for";
        };
        if (problem != null) {
            violations.add(new FormViolation(field.key(), problem));
        }
    }

    private static boolean isEmpty(FormSchema.Field field, Object value) {
        return value == null || "".equals(value) || (value instanceof Collection<?> c && c.isEmpty())
                || ("checkbox".equals(field.type()) && Boolean.FALSE.equals(value));
    }

    private static String text(FormSchema.Field field, Object value) {
        if (!(value instanceof String s)) {
            return "must be text";
        }
        String control = controlCharacter(s, "textarea".equals(field.type()));
        if (control != null) {
            return control;
        }
        int length = s.codePointCount(0, s.length());
        int max = field.maxLength() != null ? field.maxLength() : DEFAULT_MAX_LENGTH;
        if (length > max) {
            return "must have at most " + max + " characters (has " + length + ")";
        }
        if (field.minLength() != null && length < field.minLength()) {
            return "must have at least " + field.minLength() + " characters";
        }
        if (field.pattern() != null && !field.pattern().matcher(s).find()) {
            return "must match the pattern " + field.pattern().pattern();
        }
        return null;
    }

    private static String controlCharacter(String s, boolean multiline) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowed = multiline && (c == '\t' || c == '\n' || c == '\r');
            if ((c < 0x20 || c == 0x7f) && !allowed) {
                return "must not contain control characters (U+%04X at position %d)".formatted((int) c, i);
            }
        }
        return null;
    }

    private static String number(FormSchema.Field field, Object value) {
        BigDecimal number = decimal(value, field.serializeToString());
        if (number == null) {
            return field.serializeToString() ? "must be a number (as text)" : "must be a number";
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            return "must be at least " + field.min().toPlainString();
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            return "must be at most " + field.max().toPlainString();
        }
        return null;
    }

    private static BigDecimal decimal(Object value, boolean fromText) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return null;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (fromText && value instanceof String s && s.length() <= 100) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String option(FormSchema.Field field, Object value, Map<String, ?> current) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            return "must be one of the form's options";
        }
        Set<String> options = optionsOf(field, current);
        if (options != null && !options.contains(String.valueOf(value))) {
            return "must be one of " + String.join(", ", options);
        }
        return null;
    }

    private static String options(FormSchema.Field field, Object value, Map<String, ?> current) {
        if (!(value instanceof List<?> list)) {
            return "must be a list of the form's options";
        }
        Set<String> options = optionsOf(field, current);
        for (Object element : list) {
            if (!(element instanceof String || element instanceof Number || element instanceof Boolean)) {
                return "must be a list of the form's options";
            }
            if (options != null && !options.contains(String.valueOf(element))) {
                return "must only contain " + String.join(", ", options) + " (not " + element + ")";
            }
        }
        if (new HashSet<>(list).size() != list.size()) {
            return "must not repeat an option";
        }
        return null;
    }

    /**
     * Static {@code values}, or the options the form reads from a variable ({@code valuesKey}) as the task sees it.
     * Options computed by a FEEL expression cannot be known on the server: then {@code null}, and any value of the
     * right type is accepted.
     */
    private static Set<String> optionsOf(FormSchema.Field field, Map<String, ?> current) {
        if (field.options() != null) {
            return field.options();
        }
        if (field.valuesKey() != null) {
            Set<String> options = new LinkedHashSet<>();
            if (current.get(field.valuesKey()) instanceof List<?> list) {
                for (Object option : list) {
                    options.add(option instanceof Map<?, ?> m ? String.valueOf(m.get("value"))
                            : String.valueOf(option));
                }
            }
            return options;
        }
        return null;
    }

    private static String dateTime(FormSchema.Field field, Object value) {
        if (value instanceof Date) {
            return null;
        }
        String subtype = Objects.requireNonNullElse(field.subtype(), "date");
        String expected = switch (subtype) {
            case "time" -> "a time such as 09:00 or 09:00Z";
            case "datetime" -> "a date and time such as 2027-05-15T09:00Z";
            default -> "a date such as 2027-05-15";
        };
        if (!(value instanceof String s) || s.length() > 64 || parse(subtype, s) == null) {
            return "must be " + expected;
        }
        return null;
    }

    /** The instant (or, for a date or a time, a comparable value) an ISO string stands for; null if not one. */
    private static Comparable<?> parse(String subtype, String s) {
        try {
            return switch (subtype) {
                case "time" -> s.endsWith("Z") || s.contains("+") || s.lastIndexOf('-') > 0
                        ? OffsetTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()
                        : LocalTime.parse(s, LOCAL_TIME);
                case "datetime" -> instant(s);
                default -> LocalDate.parse(s);
            };
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // Camunda's own REST date format: 2027-05-15T09:00:00.000+0000
                return OffsetDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
            } catch (DateTimeParseException notCamunda) {
                // form-js's no_timezone format: a local date and time, taken as UTC for comparison
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            }
        }
    }

    /**
     * Whether a read-only field comes back as the task shows it. Empty equals absent; numbers compare by value;
     * dates compare as instants, at minute precision when form-js sent minutes only (its datetime format), so that
     * a {@code Date} variable matches the ISO string form-js sends back.
     */
    private static boolean sameValue(FormSchema.Field field, Object sent, Object now) {
        boolean sentEmpty = sent == null || "".equals(sent);
        boolean nowEmpty = now == null || "".equals(now);
        if (sentEmpty || nowEmpty) {
            return sentEmpty && nowEmpty;
        }
        if (Objects.equals(sent, now)) {
            return true;
        }
        if (sent instanceof Number a && now instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if ("datetime".equals(field.type()) || sent instanceof Date || now instanceof Date) {
            return sameInstant(sent, now);
        }
        return false;
    }

    private static boolean sameInstant(Object sent, Object now) {
        Instant a = instantOf(sent);
        Instant b = instantOf(now);
        if (a == null || b == null) {
            return false;
        }
        boolean minutesOnly = sent instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(Z|[+-].*)?");
        return minutesOnly ? a.equals(b.truncatedTo(ChronoUnit.MINUTES)) : a.equals(b);
    }

    private static Instant instantOf(Object value) {
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof String s && s.length() <= 64) {
            try {
                return instant(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
