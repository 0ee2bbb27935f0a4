package org.quorum.integrity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Turns Camunda variable values into the plain values the validator reads. A JSON value (Tasklist sends lists
 * that way) becomes a list or map; a serialized Java or XML object stays as it is, which fits no form field.
 */
final class PlainValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainValues() {
    }

    static Map<String, Object> of(Map<String, ?> variables) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (variables == null) {
            return plain;
        }
        for (String name : variables.keySet()) {
            Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
            plain.put(name, plain(value));
        }
        return plain;
    }

    private static Object plain(Object value) {
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            if ("application/json".equals(serializable.getSerializationDataFormat())
                    && serializable.getValueSerialized() != null) {
                try {
                    Object parsed = JSON.readValue(serializable.getValueSerialized(), Object.class);
                    return parsed instanceof List<?> || parsed instanceof Map<?, ?> ? parsed : serializable;
                } catch (JsonProcessingException e) {
                    return serializable;
                }
            }
            return serializable;
        }
        if (value instanceof TypedValue typed) {
            return typed.getValue();
        }
        return value;
    }
}
