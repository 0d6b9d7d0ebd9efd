/**
 * The protection continuum after triage: protection measures, risk (re)assessments, the last-resort escalation
 * gate with its four-eyes approval, relocation and support in exile, and safe places recorded in a plan.
 *
 * <p>One authority per rule, and the deliberate second checks:
 * <ul>
 *   <li>Last resort: {@code control.LastResortRule} decides (called by {@code ProtectionService} when a relocation
 *   is proposed). Second check on purpose: the case process's service task asks
 *   {@code EscalationProcessCallbacks.check} again from our own tables, so a process driven past the boundary (a
 *   forged variable, a future API) is sent back to the plan and audited.</li>
 *   <li>Four eyes on an escalation ("the proposer never approves"): {@code entity.Escalation} decides. Second checks
 *   on purpose: the approval task's listener in the BPMN (fails a completion by the proposer even outside our
 *   boundary) and the database CHECK constraint (refuses the row whatever the code does).</li>
 *   <li>Phase moves of the case file: {@code casefile.entity.CaseFile} decides; boundaries call its intent methods.</li>
 * </ul>
 */
package org.continuum.protection;
