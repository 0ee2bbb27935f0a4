package org.quorum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * One clock: whatever stamps a time reads the engine's ({@code EngineClock}), so that a test moving the engine
 * clock moves every business and audit time with it. Only the few reads below stay on the wall clock.
 */
class OneClockTest {

    private static final String ENGINE_CLOCK = "org.quorum.infrastructure.camunda.EngineClock";

    /** Calls that read the wall clock (or, for ClockUtil, the engine clock behind EngineClock's back). */
    private static final Map<String, Set<String>> CLOCK_READS = Map.of(
            "java.time.Instant", Set.of("now"),
            "java.time.LocalDate", Set.of("now"),
            "java.time.LocalDateTime", Set.of("now"),
            "java.time.LocalTime", Set.of("now"),
            "java.time.OffsetDateTime", Set.of("now"),
            "java.time.ZonedDateTime", Set.of("now"),
            "java.time.Clock", Set.of("systemUTC", "systemDefaultZone", "system"),
            "java.lang.System", Set.of("currentTimeMillis"),
            "java.util.Calendar", Set.of("getInstance"),
            "org.camunda.bpm.engine.impl.util.ClockUtil", Set.of("getCurrentTime", "now"));

    /**
     * Reads that must stay on the wall clock, as "class -> called method", each with its reason. They measure
     * real waits; none of them stamps a time that is stored or shown as when something happened.
     */
    private static final Map<String, String> WALL_CLOCK_ALLOWED = Map.of(
            "org.quorum.replay.ReplayClient -> java.time.Instant.now",
            "bounds how long the seed replay waits for a server over HTTP; a moved engine clock must not stretch it",
            "org.quorum.events.internal.OutboxBacklog -> java.time.OffsetDateTime.now",
            "the real age of unsent outbox rows, against created_at that PostgreSQL stamps from its own clock");

    private static final JavaClasses QUORUM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.quorum");

    @Test
    void onlyEngineClockReadsTheTime() {
        noClasses().that().resideInAPackage("org.quorum..").and().doNotHaveFullyQualifiedName(ENGINE_CLOCK)
                .should().callCodeUnitWhere(DescribedPredicate.describe("reads a clock other than EngineClock",
                        call -> readsClock(call) && !WALL_CLOCK_ALLOWED.containsKey(key(call))))
                .because("business and audit times come from EngineClock, which tests move with the engine clock")
                .check(QUORUM);
    }

    @Test
    void everyWallClockExceptionIsStillNeeded() {
        Set<String> wallClockReads = QUORUM.stream().flatMap(c -> c.getAccessesFromSelf().stream())
                .filter(access -> access instanceof JavaCall<?> call && readsClock(call)).map(JavaCall.class::cast).map(OneClockTest::key).collect(Collectors.toSet());
        assertThat(wallClockReads).as("stale entries of the allow-list").containsAll(WALL_CLOCK_ALLOWED.keySet());
    }

    private static boolean readsClock(JavaCall<?> call) {
        String owner = call.getTargetOwner().getFullName();
        String name = call.getTarget().getName();
        if (owner.equals("java.util.Date") && name.equals("<init>")) {
            return call.getTarget().getRawParameterTypes().isEmpty();
        }
        return CLOCK_READS.getOrDefault(owner, Set.of()).contains(name);
    }

    private static String key(JavaCall<?> call) {
        return call.getOriginOwner().getFullName() + " -> " + call.getTargetOwner().getFullName() + "."
                + call.getTarget().getName();
    }
}
