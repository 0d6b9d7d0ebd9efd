/**
 * Encryption at rest. Identity, contact, location and narrative fields are sealed with Tink AEAD before they reach
 * the database, and searched through a keyed blind index, so a database dump or backup alone reveals nothing. The
 * keys live outside the database: a keyset folder under the data directory by default, a configured path in
 * production.
 */
package org.continuum.security;
