package org.continuum.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Views and web classes reach data only through the boundaries (STYLE.md rule 1). */
class WebArchitectureTest {

    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target/classes"));

    @Test
    void viewsNeverTouchTheEntityManagerOrRepositories() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .check(WEB);
        noClasses().that().areAnnotatedWith(Named.class)
                .should().dependOnClassesThat().haveSimpleName("EntityManager")
                .check(WEB);
    }

    @Test
    void webNeverUsesTheWorkflowEngine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.operaton..").check(WEB);
    }

    /**
     * The views together with the domain they call (the ejb module is on this module's class path): a view of one
     * component that calls a component which depends back on it would make the two one knot.
     */
    @Test
    void componentsAreFreeOfCyclesAcrossViewsAndDomain() {
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.continuum");
        slices().matching("org.continuum.(*)..").should().beFreeOfCycles().check(all);
    }
}
