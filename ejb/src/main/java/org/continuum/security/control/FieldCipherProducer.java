package org.continuum.security.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import javax.sql.DataSource;

/**
 * One {@link FieldCipher} per application, opened from the configured key folder with the master key on first use
 * through {@link KeyGuard} (forced at start, before anything is sealed).
 */
@ApplicationScoped
public class FieldCipherProducer {

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private volatile FieldCipher cipher;

    @Produces
    public FieldCipher cipher() {
        FieldCipher current = cipher;
        if (current == null) {
            synchronized (this) {
                if (cipher == null) {
                    // Whoever asks first (start-up beans run in parallel) goes through the guard: keys are never
                    // generated against a database that already holds sealed data.
                    cipher = KeyGuard.open(dataSource, KeyFolder.fromSystemProperties());
                }
                current = cipher;
            }
        }
        return current;
    }
}
