package org.continuum.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One {@link FieldCipher} per application, opened from the configured key folder on first use. */
@ApplicationScoped
public class FieldCipherProducer {

    private volatile FieldCipher cipher;

    @Produces
    public FieldCipher cipher() {
        FieldCipher current = cipher;
        if (current == null) {
            synchronized (this) {
                if (cipher == null) {
                    cipher = FieldCipher.open(KeyFolder.fromSystemProperties());
                }
                current = cipher;
            }
        }
        return current;
    }
}
