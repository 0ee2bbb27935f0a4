package org.quorum.integrity.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parts of a Camunda Form (form-js schema) that decide what a submission may carry: the keyed fields, their
 * type, whether they are read-only, their static options and their {@code validate} rules. Layout-only components
 * (text, html, image, spacer, separator, button) carry no value; a {@code group} without a {@code path} only
 * groups fields, so its fields count as the form's own.
 */
record FormSchema(String id, Map<String, Field> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LAYOUT = Set.of("text", "html", "image", "spacer", "separator", "button",
            "iframe", "table", "documentPreview");

    /** A keyed form field. {@code options} is {@code null} when the field has no static {@code values}. */
    record Field(String key, String type, String subtype, boolean readonly, boolean required, boolean conditional,
                 Set<String> options, String valuesKey, BigDecimal min, BigDecimal max, Integer minLength,
                 Integer maxLength, Pattern pattern, Object defaultValue, boolean serializeToString) {
    }

    static FormSchema parse(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(root.path("components"), fields);
            return new FormSchema(root.path("id").asText(null), Collections.unmodifiableMap(fields));
        } catch (IOException e) {
            throw new IllegalArgumentException("The form is not valid JSON", e);
        }
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            if (LAYOUT.contains(type)) {
                continue;
            }
            if (("group".equals(type) || "default".equals(type)) && component.path("path").asText("").isEmpty()) {
                collect(component.path("components"), fields);
                continue;
            }
            // A group with a path or a dynamic list nests its values under one key; taken as one field of its own
            // type, which the validator refuses (fail closed) until Quorum needs such forms.
            String key = component.hasNonNull("key") ? component.get("key").asText()
                    : component.path("path").asText(null);
            if (key == null || key.isEmpty()) {
                continue;
            }
            fields.put(key, field(key, type, component));
        }
    }

    private static Field field(String key, String type, JsonNode c) {
        JsonNode validate = c.path("validate");
        Set<String> options = null;
        if (c.has("values")) {
            options = new LinkedHashSet<>();
            for (JsonNode option : c.get("values")) {
                options.add(option.path("value").asText());
            }
        }
        return new Field(key, type, c.path("subtype").asText(null), flag(c, "readonly") || flag(c, "disabled"),
                validate.path("required").asBoolean(false), c.has("conditional"), options,
                c.path("valuesKey").asText(null), decimal(validate, "min"), decimal(validate, "max"),
                integer(validate, "minLength"), integer(validate, "maxLength"), pattern(key, validate),
                c.has("defaultValue") ? JSON.convertValue(c.get("defaultValue"), Object.class) : null,
                c.path("serializeToString").asBoolean(false));
    }

    /**
     * {@code readonly}/{@code disabled} may also be a FEEL expression (a string starting with {@code =}); the server
     * cannot evaluate FEEL, so such a field counts as read-only: it may come back only unchanged.
     */
    private static boolean flag(JsonNode c, String name) {
        JsonNode value = c.path(name);
        return value.isBoolean() ? value.asBoolean() : value.isTextual() && !value.asText().isBlank();
    }

    private static BigDecimal decimal(JsonNode validate, String name) {
        JsonNode value = validate.path(name);
        return value.isNumber() ? value.decimalValue() : null;
    }

    private static Integer integer(JsonNode validate, String name) {
        JsonNode value = validate.path(name);
        return value.isNumber() ? value.asInt() : null;
    }

    private static Pattern pattern(String key, JsonNode validate) {
        String regex = validate.path("pattern").asText(null);
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Field '" + key + "' has a pattern Java cannot read: " + regex, e);
        }
    }

    List<String> keys() {
        return new ArrayList<>(fields.keySet());
    }
}
