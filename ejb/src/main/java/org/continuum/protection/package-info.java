/**
 * The protection continuum after triage: protection measures, risk (re)assessments, the last-resort escalation
 * gate with its four-eyes approval, relocation and support in exile.
 */
package org.continuum.protection;
