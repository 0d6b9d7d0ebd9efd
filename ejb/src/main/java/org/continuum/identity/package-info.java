/**
 * Staff identities: users, teams, roles and the login rules (hashed passwords, lockout). Requesters are not users:
 * they are the subjects of case files and never log in to the staff UI.
 */
package org.continuum.identity;
