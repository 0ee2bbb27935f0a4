package org.quorum.events.client;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares a JSON Schema (draft-07, as in docs/schemas) with a record: the same property names as components,
 * each of a Java type that holds exactly what the schema allows. A property that is required and never null
 * must be a primitive where Java has one (int, long, boolean), so a missing value cannot pass as null.
 */
final class SchemaRecordCheck {

    private final List<String> problems = new ArrayList<>();

    static List<String> problems(JsonNode schema, Class<?> record) {
        SchemaRecordCheck check = new SchemaRecordCheck();
        check.object(schema, record, record.getSimpleName());
        return check.problems;
    }

    private void object(JsonNode schema, Class<?> record, String path) {
        if (!record.isRecord()) {
            problems.add(path + ": schema has properties, " + record.getName() + " is not a record");
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
            JsonNode property = schema.path("properties").path(component.getName());
            if (property.isMissingNode()) {
                problems.add(path + "." + component.getName() + ": not in the schema");
            } else {
                value(property, required.contains(component.getName()), component.getGenericType(),
                        path + "." + component.getName());
            }
        }
        properties.removeAll(components);
        properties.forEach(missing -> problems.add(path + "." + missing + ": in the schema, not in the record"));
    }

    private void value(JsonNode schema, boolean required, Type java, String path) {
        Set<String> types = types(schema);
        boolean nullable = !required || types.contains("null") || containsNull(schema.path("enum"));
        types.remove("null");
        Class<?> raw = raw(java);
        if (schema.has("enum")) {
            enumeration(schema.path("enum"), raw, path);
        } else if (types.size() != 1) {
            expect(raw == Object.class, path, "any JSON value (" + types + ") needs Object, not " + java);
        } else {
            switch (types.iterator().next()) {
                case "string" -> expect("date-time".equals(schema.path("format").asText())
                        ? raw == Instant.class || raw == OffsetDateTime.class : raw == String.class,
                        path, "string " + schema.path("format").asText() + " is not " + java);
                case "integer" -> expect(nullable ? raw == Integer.class || raw == Long.class
                        : raw == int.class || raw == long.class, path, nullability(nullable) + "integer is not " + java);
                case "number" -> expect(nullable ? raw == Double.class || raw == BigDecimal.class
                        : raw == double.class || raw == BigDecimal.class, path, nullability(nullable) + "number is not " + java);
                case "boolean" -> expect(nullable ? raw == Boolean.class : raw == boolean.class,
                        path, nullability(nullable) + "boolean is not " + java);
                case "array" -> array(schema, java, raw, path);
                case "object" -> objectValue(schema, java, raw, path);
                default -> problems.add(path + ": unexpected schema type " + types);
            }
        }
    }

    private void array(JsonNode schema, Type java, Class<?> raw, String path) {
        if (raw != List.class) {
            problems.add(path + ": array needs a List, not " + java);
            return;
        }
        value(schema.path("items"), true, argument(java, 0), path + "[]");
    }

    private void objectValue(JsonNode schema, Type java, Class<?> raw, String path) {
        if (schema.has("properties")) {
            object(schema, raw, path);
        } else if (raw != Map.class || raw(argument(java, 0)) != String.class) {
            problems.add(path + ": an object of open keys needs Map<String, ...>, not " + java);
        } else {
            value(schema.path("additionalProperties"), true, argument(java, 1), path + "{}");
        }
    }

    private void enumeration(JsonNode values, Class<?> raw, String path) {
        Set<String> allowed = new TreeSet<>();
        values.forEach(v -> {
            if (!v.isNull()) {
                allowed.add(v.asText());
            }
        });
        if (raw == String.class) {
            return;
        }
        Set<String> constants = new TreeSet<>();
        if (raw.isEnum()) {
            Arrays.stream(raw.getFields()).filter(Field::isEnumConstant).forEach(c -> constants.add(jsonName(c)));
        }
        expect(constants.equals(allowed), path, "enum " + allowed + " is not " + raw.getName() + " " + constants);
    }

    /** How Jackson writes an enum constant: its {@code @JsonProperty} name, else its Java name. */
    private static String jsonName(Field constant) {
        JsonProperty property = constant.getAnnotation(JsonProperty.class);
        return property != null ? property.value() : constant.getName();
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static boolean containsNull(JsonNode values) {
        for (JsonNode value : values) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static String nullability(boolean nullable) {
        return nullable ? "nullable or optional " : "required non-null ";
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return type instanceof Class<?> c ? c : Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType parameterized
                ? parameterized.getActualTypeArguments()[index] : Object.class;
    }

    private void expect(boolean ok, String path, String problem) {
        if (!ok) {
            problems.add(path + ": " + problem);
        }
    }
}
