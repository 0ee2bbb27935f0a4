package org.quorum.infrastructure.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when none of the named properties is set (environment variables count, by Spring's relaxed binding).
 * Spring Boot's {@code @ConditionalOnProperty} cannot express "absent or empty", which is what decides between
 * an external service and the embedded one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnPropertyAbsentCondition.class)
public @interface ConditionalOnPropertyAbsent {

    String[] value();
}
