package org.continuum.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules of STYLE.md that a compiler does not check. */
class ArchitectureTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.continuum");

    @Test
    void domainNeverDependsOnTheWorkflowEngine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.operaton..", "org.camunda..")
                .because("the engine is reached only through the process ports (CaseWorkflow, GrantWorkflow, ReferralWorkflow)")
                .check(DOMAIN);
    }

    @Test
    void everyBoundaryDeclaresWhoMayCallIt() {
        classes().that().areAnnotatedWith(Stateless.class)
                .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .because("S3: every boundary method carries an explicit role rule")
                .check(DOMAIN);
    }

    @Test
    void boundariesLiveInBoundaryPackages() {
        classes().that().areAnnotatedWith(Stateless.class).should().resideInAPackage("..boundary..")
                .check(DOMAIN);
    }

    @Test
    void entitiesNeverCallBoundaries() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .check(DOMAIN);
    }

    @Test
    void boundariesLeaveQueriesToTheirCollections() {
        noClasses().that().resideInAPackage("..boundary..")
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .because("a boundary keeps transactions, security and orchestration; each aggregate's queries live"
                        + " in one collection-like control (CaseFiles, Grants, Referrals, Outbox, ...)")
                .check(DOMAIN);
    }

    @Test
    void componentsAreFreeOfCycles() {
        slices().matching("org.continuum.(*)..").should().beFreeOfCycles()
                .because("a component can be understood, tested and changed from the ones below it only")
                .check(DOMAIN);
    }
}
