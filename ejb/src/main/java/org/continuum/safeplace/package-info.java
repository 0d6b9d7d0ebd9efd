/**
 * The registry of vetted safe places (public services, businesses, associations, schools, shelters that pledged to
 * shelter a person until help arrives). Exact addresses are sealed and shown only to administrators who keep the
 * registry and to the staff of a case the place was recorded for.
 */
package org.continuum.safeplace;
