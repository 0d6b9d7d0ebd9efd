/**
 * Intake and triage: how a request becomes a case file and how a caseworker decides whether it is eligible, how
 * urgent it is, and whether it moves on to risk assessment.
 */
package org.continuum.intake;
