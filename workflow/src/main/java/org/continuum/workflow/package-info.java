/**
 * The protection continuum as executable BPMN, run by the embedded Operaton engine. This module owns the engine
 * (bootstrap, schema migration, job executor), the process files and thin delegates, one package per process
 * ({@code casefile}, {@code grant}, {@code referral}); each implements the port its component declares
 * ({@code CaseWorkflow}, {@code GrantWorkflow}, {@code ReferralWorkflow}), so the domain never depends on the engine.
 */
package org.continuum.workflow;
