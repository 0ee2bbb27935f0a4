package org.quorum.infrastructure.embedded;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

class OnPropertyAbsentCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String[] names = (String[]) metadata.getAnnotationAttributes(ConditionalOnPropertyAbsent.class.getName())
                .get("value");
        return Arrays.stream(names)
                .filter(name -> StringUtils.hasText(context.getEnvironment().getProperty(name)))
                .findFirst()
                .map(name -> ConditionOutcome.noMatch(name + " is set"))
                .orElseGet(() -> ConditionOutcome.match(String.join(", ", names) + " not set"));
    }
}
