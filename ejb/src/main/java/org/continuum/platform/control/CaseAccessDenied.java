package org.continuum.platform.control;

import jakarta.ejb.ApplicationException;

/**
 * A case file the caller may not see, or one that does not exist: the two are indistinguishable to the caller on
 * purpose, so ids cannot be probed. The attempt has been audited before this is thrown.
 */
@ApplicationException(rollback = true)
public class CaseAccessDenied extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CaseAccessDenied() {
        super("case.notAvailable");
    }
}
