package org.quorum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Rules of the code's shape that {@link ModulesTest} (which modules may use which) does not cover: where
 * Camunda's internals may be touched, and that the business rules of the processes stay plain Java.
 */
class ArchitectureTest {

    private static final JavaClasses QUORUM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.quorum");

    private static final String[] PROCESS_PACKAGES = {"org.quorum.conference", "org.quorum.endorsement",
            "org.quorum.commission", "org.quorum.interim", "org.quorum.positions", "org.quorum.common"};

    private static final String[] FRAMEWORKS = {"org.camunda..", "org.apache.kafka..", "org.springframework..",
            "io.cloudevents..", "jakarta.persistence..", "java.sql.."};

    /**
     * The business rules by name: named so that making one a Spring bean (which the first rule below exempts)
     * or moving it cannot take it out of the rule unnoticed.
     */
    private static final Set<String> PROCESS_RULES = Set.of("Tenure", "Holding", "HoldingKind", "Incumbent",
            "Position", "CommissionQuorum", "CouncilDecision", "ItemType", "EndorsementOutcome", "FacilityType",
            "ResubmissionDeadline", "ForwardedPriorities", "InterimDates", "Region", "WorkingDays");

    /**
     * The only classes that may use Camunda's engine internals ({@code org.camunda.bpm.engine.impl..}), which
     * carry no compatibility promise across Camunda releases: engine plugins, command interceptors, the history
     * classifier and the clock adapter. docs/architecture.md says why each needs them. A new entry here is a
     * decision to be reviewed, not a formality.
     */
    static final Set<String> ENGINE_INTERNALS_ALLOWED = Set.of(
            "org.quorum.audit.internal.TaskIdentityLinks",
            "org.quorum.calendar.internal.WorkingDaysCalendars",
            "org.quorum.calendar.internal.WorkingDaysPlugin",
            "org.quorum.events.internal.DatabaseHistoryFirst",
            "org.quorum.events.internal.DecisionDeclarations",
            "org.quorum.events.internal.DecisionRecorder",
            "org.quorum.history.HistoryClassifier",
            "org.quorum.history.HistoryFacts",
            "org.quorum.history.RunningCommand",
            "org.quorum.history.TransitionPublisher",
            "org.quorum.identity.DemoPasswordCheck",
            "org.quorum.infrastructure.camunda.EngineClock",
            "org.quorum.infrastructure.camunda.ExtensionProperties",
            "org.quorum.infrastructure.camunda.QueryLimitCheck",
            "org.quorum.infrastructure.camunda.SchemaCreationLock",
            "org.quorum.infrastructure.camunda.TaskAuthorizationJoin",
            "org.quorum.infrastructure.web.CurrentUser",
            "org.quorum.integrity.internal.FormSubmissionCheck",
            "org.quorum.integrity.internal.FormSubmissionInterceptors",
            "org.quorum.integrity.internal.IntegrityPlugin",
            "org.quorum.integrity.internal.ModelIntegrityGuard",
            "org.quorum.integrity.internal.Submission",
            "org.quorum.positions.internal.PositionRoutingPlugin",
            "org.quorum.positions.internal.TaskRouting",
            "org.quorum.positions.internal.TenureChangeJobHandler");

    @Test
    void onlyTheListedAdaptersUseCamundasEngineInternals() {
        noClasses().that(outside(ENGINE_INTERNALS_ALLOWED))
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("Camunda's impl packages may change in any release; they are touched only by the adapters "
                        + "listed in ArchitectureTest and explained in docs/architecture.md")
                .check(QUORUM);
    }

    @Test
    void everyClassAllowedToUseEngineInternalsStillDoes() {
        List<String> stale = ENGINE_INTERNALS_ALLOWED.stream().filter(name -> QUORUM.stream()
                .filter(c -> c.getName().equals(name) || c.getName().startsWith(name + "$"))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .noneMatch(dependency -> dependency.getTargetClass().getPackageName()
                        .startsWith("org.camunda.bpm.engine.impl")))
                .toList();
        assertThat(stale).as("allow-list entries that name no class or one that no longer needs Camunda's internals "
                + "(remove them: the list is what docs/architecture.md explains)").isEmpty();
    }

    @Test
    void domainCodeOfProcessesAndPositionsDoesNotDependOnFrameworks() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage(PROCESS_PACKAGES)
                .and().areTopLevelClasses()
                .and().areNotAnnotatedWith(Component.class).and().areNotAnnotatedWith(Service.class)
                .and().areNotAnnotatedWith(Repository.class).and().areNotAnnotatedWith(RestController.class)
                .and().areNotAnnotatedWith(RestControllerAdvice.class).and().areNotAnnotatedWith(Configuration.class)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("domain rules are plain Java; delegates and controllers are the thin adapters");
        rule.check(QUORUM);
    }

    @Test
    void theNamedProcessRulesArePlainJava() {
        List<String> found = QUORUM.stream().filter(c -> PROCESS_RULES.contains(c.getSimpleName()))
                .map(JavaClass::getSimpleName).toList();
        assertThat(found).as("every named process rule exists exactly once").containsExactlyInAnyOrderElementsOf(
                PROCESS_RULES);
        noClasses().that(named(PROCESS_RULES)).should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().beAnnotatedWith(Component.class).orShould().beAnnotatedWith(Service.class)
                .because("Tenure, CommissionQuorum and the other rules are the institution's rules, testable "
                        + "without an engine, a broker or a Spring context")
                .check(QUORUM);
    }

    @Test
    void springBeansOfTheProcessesAreAdapters() {
        classes().that().resideInAnyPackage(PROCESS_PACKAGES).and(areSpringBeans())
                .should().implement(JavaDelegate.class).orShould().implement(ExecutionListener.class)
                .orShould().implement(TaskListener.class)
                .orShould().haveSimpleName("ForwardedPrioritiesCollection")
                .because("a process's beans are its delegates and listeners (thin adapters over its rules); "
                        + "ForwardedPrioritiesCollection is the bean of a multi-instance collection expression")
                .check(QUORUM);
    }

    private static DescribedPredicate<JavaClass> areSpringBeans() {
        return DescribedPredicate.describe("are Spring beans",
                c -> c.isAnnotatedWith(Component.class) || c.isAnnotatedWith(Service.class));
    }

    private static DescribedPredicate<JavaClass> outside(Set<String> names) {
        return DescribedPredicate.describe("are not in the allow-list",
                c -> !names.contains(c.getName()) && !names.contains(c.getName().replaceAll("\\$.*", "")));
    }

    private static DescribedPredicate<JavaClass> named(Set<String> simpleNames) {
        return DescribedPredicate.describe("are named process rules",
                c -> simpleNames.contains(c.getSimpleName()));
    }

    @Test
    void commonCodeIsPlainJavaAndKnowsNoProcess() {
        ArchRule rule = noClasses().that().resideInAPackage("org.quorum.common..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.apache.kafka..",
                        "org.springframework..", "org.quorum.conference..", "org.quorum.endorsement..",
                        "org.quorum.commission..", "org.quorum.interim..")
                .because("several processes use common code, so it may depend on none of them nor on a framework");
        rule.check(QUORUM);
    }
}
