/**
 * Emergency grants: funds with their donor rules, grant requests recommended from a case, four-eyes decisions,
 * exactly-once disbursement in tranches and the accountability report that follows.
 */
package org.continuum.grant;
