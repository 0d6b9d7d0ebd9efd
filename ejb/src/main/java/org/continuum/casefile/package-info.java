/**
 * Case files: the record of one requester's path along the protection continuum. Every read and change goes through
 * the need-to-know policy in {@code control.CaseAccessPolicy} and is audited; identity, contact and location fields
 * are sealed at rest.
 */
package org.continuum.casefile;
