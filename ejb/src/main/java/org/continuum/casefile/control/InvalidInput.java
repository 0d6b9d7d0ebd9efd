package org.continuum.casefile.control;

import jakarta.ejb.ApplicationException;

/**
 * Input refused by a domain rule. The message is a resource-bundle key (for example
 * {@code intake.consent.required}) that the view translates; it never contains the input itself.
 */
@ApplicationException(rollback = true)
public class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInput(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
