package org.continuum.it;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

import java.util.logging.Logger;

/**
 * Keeps an EAR deployed from one test class to the next when the next class asks for the same archive, instead of
 * undeploying and deploying the same 55 MB again for each class (about 13 s a class on two cores). Two archives come
 * back: the as-built EAR of the browser tests ({@code testable = false}) and the EAR with every in-container test
 * class inside ({@link Deployments}); the tests run alphabetically, so each is deployed once. Another archive is
 * deployed after the kept one is undeployed; the kept one is undeployed before the server stops, so the server's
 * configuration never keeps it. The application's data was never reset between classes (same database); only its
 * memory now lives on too.
 */
public final class KeptDeployment implements LoadableExtension {

    private static final Logger LOG = Logger.getLogger(KeptDeployment.class.getName());

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
    }

    /** The Arquillian observer: one per test run (one JVM), so plain fields hold what is deployed. */
    public static final class Keeper {

        private DeployableContainer<?> container;
        private Archive<?> kept;
        private String keptKey;
        private ProtocolMetaData keptMetaData;
        private int reused;

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> description;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deployment;

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> metaData;

        /** Inside the deployment context (after its handler, precedence 0). */
        public void deploy(@Observes(precedence = -10) EventContext<DeployDeployment> context) throws Exception {
            Deployment wanted = context.getEvent().getDeployment();
            DeploymentDescription d = wanted.getDescription();
            boolean keepable = d.isArchiveDeployment();
            String key = keepable ? keyOf(d) : null;
            if (keepable && kept != null && key.equals(keptKey)) {
                description.set(d);
                deployment.set(wanted);
                if (keptMetaData != null) {
                    metaData.set(keptMetaData);
                }
                wanted.deployed();
                reused++;
                return;
            }
            undeployKept();
            context.proceed();
            if (keepable && wanted.isDeployed()) {
                container = context.getEvent().getDeployableContainer();
                kept = archiveOf(d);
                keptKey = key;
                keptMetaData = metaData.get();
            }
        }

        private static Archive<?> archiveOf(DeploymentDescription d) {
            return d.getTestableArchive() != null ? d.getTestableArchive() : d.getArchive();
        }

        /** The archive's name, whether tests run inside it, every path it holds and the text of its text files. */
        private static String keyOf(DeploymentDescription d) {
            java.util.TreeMap<String, Long> content = new java.util.TreeMap<>();
            collect(archiveOf(d), "", content);
            return archiveOf(d).getName() + " testable=" + d.testable() + " " + content.hashCode() + "/"
                    + content.size();
        }

        private static void collect(Archive<?> archive, String prefix, java.util.Map<String, Long> content) {
            for (var entry : archive.getContent().entrySet()) {
                var asset = entry.getValue().getAsset();
                String path = prefix + entry.getKey().get();
                if (asset instanceof org.jboss.shrinkwrap.api.asset.ArchiveAsset nested) {
                    collect(nested.getArchive(), path + "!", content);
                } else {
                    content.put(path, asset == null ? -1L : textOf(asset));
                }
            }
        }

        /** A manifest or other generated text by its hash; classes and files by their path alone. */
        private static long textOf(org.jboss.shrinkwrap.api.asset.Asset asset) {
            return asset instanceof org.jboss.shrinkwrap.api.asset.StringAsset text ? text.getSource().hashCode() : 0L;
        }

        public void undeploy(@Observes(precedence = -10) EventContext<UnDeployDeployment> context) {
            DeploymentDescription d = context.getEvent().getDeployment().getDescription();
            if (kept != null && d.isArchiveDeployment() && keyOf(d).equals(keptKey)) {
                return; // stays for the next class that asks for the same archive
            }
            context.proceed();
        }

        public void beforeStop(@Observes BeforeStop event) throws Exception {
            undeployKept();
            LOG.info("KeptDeployment: " + reused + " redeployments saved (an EAR kept for the next test class)");
        }

        private void undeployKept() throws Exception {
            if (kept != null) {
                Archive<?> archive = kept;
                kept = null;
                keptKey = null;
                keptMetaData = null;
                container.undeploy(archive);
            }
        }
    }
}
