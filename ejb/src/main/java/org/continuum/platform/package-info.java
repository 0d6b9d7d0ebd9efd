/**
 * What every component stands on and nothing of the domain: the two refusals every boundary throws
 * ({@code InvalidInput}, {@code CaseAccessDenied}), the role names for {@code @RolesAllowed}, the database schema and
 * its migrations. It depends on no other component, so any component may use it without making a cycle.
 */
package org.continuum.platform;
