package org.quorum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The business rules of each process and of positions stay free of Camunda, Kafka and Spring: only the
 * adapters (delegates, controllers, services, repositories; all Spring beans) may use them. Code that several
 * processes share ({@code org.quorum.common}) is plain Java.
 */
class ArchitectureTest {

    private static final JavaClasses QUORUM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.quorum");

    @Test
    void domainCodeOfProcessesAndPositionsDoesNotDependOnFrameworks() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("org.quorum.conference", "org.quorum.endorsement",
                        "org.quorum.commission", "org.quorum.interim", "org.quorum.positions")
                .and().areTopLevelClasses()
                .and().areNotAnnotatedWith(Component.class).and().areNotAnnotatedWith(Service.class)
                .and().areNotAnnotatedWith(Repository.class).and().areNotAnnotatedWith(RestController.class)
                .and().areNotAnnotatedWith(RestControllerAdvice.class).and().areNotAnnotatedWith(Configuration.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.apache.kafka..",
                        "org.springframework..")
                .because("domain rules are plain Java; delegates and controllers are the thin adapters");
        rule.check(QUORUM);
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
