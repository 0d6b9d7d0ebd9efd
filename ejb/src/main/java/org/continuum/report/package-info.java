/**
 * Reports and auditor exports. Auditors see money, decisions and timelines but no identities: exports carry
 * pseudonyms that are stable within one export (so its sheets join) and different across exports (so two exports
 * cannot be joined to follow a person), and no name, contact, exact location or narrative.
 */
package org.continuum.report;
