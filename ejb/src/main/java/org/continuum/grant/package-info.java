/**
 * Emergency grants: funds with their donor rules, grant requests recommended from a case, four-eyes decisions,
 * exactly-once disbursement in tranches and the accountability report that follows.
 *
 * <p>One authority per rule, and the deliberate second checks:
 * <ul>
 *   <li>Four eyes ("the recommender never decides, nobody decides twice"): {@code entity.EmergencyGrant#decide}
 *   decides; {@code mayBeDecidedBy} only tells a page which action to offer. Second checks on purpose: the decision
 *   task's listener in the grant process asks {@code GrantProcessCallbacks.decisionRecorded} (a completion past the
 *   boundary finds no decision and fails), and database constraints refuse a decision by the recommender and two
 *   decisions by one person.</li>
 *   <li>Fund rules: {@code control.FundRules} lists every broken rule; the entity refuses what it may never hold.</li>
 *   <li>Exactly-once money: the grant and fund rows are locked for a decision or payment; the database's
 *   {@code UNIQUE (grant_id, tranche)} and budget CHECK are the last line.</li>
 * </ul>
 */
package org.continuum.grant;
