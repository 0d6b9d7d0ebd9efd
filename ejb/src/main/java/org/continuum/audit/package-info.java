/**
 * The append-only audit trail: who saw or changed what, when, with which outcome. Events never carry the sensitive
 * values themselves (names, places, stories), only references and outcomes, so the trail can be shown to auditors.
 */
package org.continuum.audit;
