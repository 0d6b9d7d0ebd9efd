package org.continuum.it;

import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.InputStream;
import java.net.URISyntaxException;

/**
 * The deployments of the integration tests: always the real EAR the build produced (same modules, same server
 * configuration), with the test classes added to its WAR for in-container tests. No hand-picked class lists that
 * could drift from what ships.
 *
 * <p>Every in-container test class gets the same EAR: all the classes of this package and the mail server inside
 * its WAR, whatever class asks. So {@link KeptDeployment} deploys it once for all of them instead of once per class;
 * the classes named by the caller only document what that test needs.
 */
public final class Deployments {

    static final String WAR = "/continuum-web.war";

    private Deployments() {
    }

    /** The EAR exactly as built, for tests that drive it from outside (browser, HTTP). */
    public static EnterpriseArchive asBuilt() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile());
    }

    /** The EAR with the test classes (these and the rest of this package) and AssertJ inside its WAR. */
    public static EnterpriseArchive withTests(Class<?>... testClasses) {
        return withMailServer(testClasses);
    }

    /**
     * The same, with a real mail server (GreenMail) inside the WAR, running on WildFly's own Jakarta Mail and Angus
     * implementation, so a test can start, stop and read an SMTP server the application sends to.
     */
    public static EnterpriseArchive withMailServer(Class<?>... testClasses) {
        return withTests(new File[]{jarOf(com.icegreen.greenmail.util.GreenMail.class)},
                ",org.eclipse.angus.mail,jakarta.mail.api,org.slf4j", testClasses);
    }

    private static EnterpriseArchive withTests(File[] libraries, String moreDependencies, Class<?>... testClasses) {
        EnterpriseArchive ear = asBuilt();
        WebArchive war;
        try (InputStream in = ear.get(WAR).getAsset().openStream()) {
            war = ShrinkWrap.create(ZipImporter.class, "continuum-web.war").importFrom(in).as(WebArchive.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read the WAR inside " + earFile(), e);
        }
        war.addClasses(testClasses);
        // Every class of this package but the client-side extension: one identical WAR for every test class.
        war.addPackages(false, org.jboss.shrinkwrap.api.Filters.exclude(KeptDeployment.class,
                KeptDeployment.Keeper.class), Deployments.class.getPackage());
        war.addAsLibraries(jarOf(Assertions.class));
        war.addAsLibraries(libraries);
        // The Elytron API lets a test act as a given staff member.
        war.setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.wildfly.security.elytron,org.jboss.weld.api" + moreDependencies + "\n"));
        ear.delete(WAR);
        ear.addAsModule(Testable.archiveToTest(war));
        return ear;
    }

    private static File earFile() {
        File ear = new File(System.getProperty("continuum.ear", "target/continuum.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("Build the EAR first (mvn package): " + ear.getAbsolutePath());
        }
        return ear;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
