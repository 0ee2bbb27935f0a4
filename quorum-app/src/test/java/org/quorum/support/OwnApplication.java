package org.quorum.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that starts and closes applications of its own (restarts, crashes, startup failures, a replay that
 * changes shared data). Camunda's webapps and engine registry are JVM-wide statics that a closing application
 * clears, so these tests run in a JVM of their own (failsafe execution {@code own-application} in the pom),
 * apart from the tests that share one cached application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(OwnApplication.TAG)
public @interface OwnApplication {

    String TAG = "own-application";
}
