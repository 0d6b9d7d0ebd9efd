/**
 * Case files: the record of one requester's path along the protection continuum. Every read and change goes through
 * the need-to-know policy in {@code control.CaseAccessPolicy} (lists through {@code control.CaseFiles}, one case
 * through {@code control.CaseGuard}) and is audited; identity, contact and location fields are sealed at rest.
 * {@code control.CaseEvents} writes the timeline entry, the audit row and the notifications of one event together.
 *
 * <p>One authority per rule: the entity decides phase moves and storage consent ({@code CaseFile} refuses a case
 * without it); the intake form's check is only there to show the message before a round trip.
 */
package org.continuum.casefile;
