/**
 * Referrals to partner organisations as a closed loop: the partner directory suggests who fits a case, a referral
 * carries only the fields the person consented to share with that partner, and the partner's answer and the outcome
 * come back to the case, with a reminder when the answer is late.
 */
package org.continuum.referral;
