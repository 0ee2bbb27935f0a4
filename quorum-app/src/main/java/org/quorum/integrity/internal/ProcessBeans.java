package org.quorum.integrity.internal;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The Spring beans that expressions may name: the models' delegates and listeners, and the beans of the process
 * packages (e.g. {@code ${forwardedPriorities.of(...)}}). Camunda's default lets an expression reach every bean
 * (the identity service among them). Defence in depth only: no expression a non-administrator writes is ever
 * evaluated in the first place, and JUEL can still reach classes by reflection.
 */
final class ProcessBeans extends AbstractMap<Object, Object> {

    private static final List<String> PROCESS_PACKAGES = List.of("org.quorum.conference.", "org.quorum.endorsement.",
            "org.quorum.commission.", "org.quorum.interim.");

    private final ApplicationContext context;

    ProcessBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean containsKey(Object name) {
        if (!(name instanceof String bean) || !context.containsBean(bean)) {
            return false;
        }
        Class<?> type = context.getType(bean);
        return type != null && (JavaDelegate.class.isAssignableFrom(type) || TaskListener.class.isAssignableFrom(type)
                || ExecutionListener.class.isAssignableFrom(type)
                || PROCESS_PACKAGES.stream().anyMatch(type.getName()::startsWith));
    }

    @Override
    public Object get(Object name) {
        return containsKey(name) ? context.getBean((String) name) : null;
    }

    /** Not enumerable: the engine only asks for beans by name. */
    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        return Set.of();
    }
}
