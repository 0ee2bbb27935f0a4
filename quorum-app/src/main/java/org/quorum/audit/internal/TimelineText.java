package org.quorum.audit.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** How the timeline writes names, values and reasons in its sentences, and the facts behind them. */
final class TimelineText {

    private TimelineText() {
    }

    static String display(TypedValue value) {
        if (value == null || (value.getValue() == null && !(value instanceof ObjectValue))) {
            return "(empty)";
        }
        if (value instanceof ObjectValue object && !object.isDeserialized()) {
            return String.valueOf(object.getValueSerialized());
        }
        Object plain = value.getValue();
        return plain instanceof Date date ? date.toInstant().toString() : String.valueOf(plain);
    }

    static String pairs(List<Map<String, Object>> values) {
        return String.join(", ", values.stream().map(v -> v.get("name") + " = " + v.get("value")).toList());
    }

    static String name(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    static String reason(String deleteReason) {
        return deleteReason == null ? "" : " (" + deleteReason + ")";
    }

    /** exclusiveGateway -> exclusive gateway */
    static String readable(String camelCase) {
        return camelCase == null ? "step" : camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    /** Details without nulls, in the order given. */
    static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return details;
    }
}
