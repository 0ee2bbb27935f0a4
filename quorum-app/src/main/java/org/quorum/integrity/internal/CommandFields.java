package org.quorum.integrity.internal;

import java.lang.reflect.Field;
import java.util.Optional;

/**
 * Reads a field of a Camunda command. Camunda's commands keep what they were asked to do (the task id, the
 * variables) in protected fields without getters, and a command interceptor sees only the command object; the
 * alternative, re-implementing the REST resources and Tasklist's API, would leave the Java API open. Which
 * fields are read is pinned by {@code CommandFieldsTest}, so an engine upgrade that renames one fails the build
 * instead of opening a gap.
 */
final class CommandFields {

    private CommandFields() {
    }

    static Object read(Object command, String name) {
        Field field = locate(command, name);
        if (field == null) {
            throw new IllegalStateException("Camunda's " + command.getClass().getName() + " has no field " + name
                    + "; the integrity guard must be adapted to this engine version");
        }
        return value(field, command);
    }

    /** The field's value, when the command's class or a superclass declares it and it is not null. */
    static Optional<Object> find(Object command, String name) {
        Field field = locate(command, name);
        return field == null ? Optional.empty() : Optional.ofNullable(value(field, command));
    }

    private static Field locate(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException notHere) {
                // declared further up
            }
        }
        return null;
    }

    private static Object value(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field.getName() + " of " + command.getClass().getName(),
                    e);
        }
    }
}
