/**
 * The protection continuum as executable BPMN, run by the embedded Operaton engine. This module owns the engine
 * (bootstrap, schema migration, job executor), the process files and thin delegates; it implements the
 * {@code CaseWorkflow} port that the domain declares, so the domain never depends on the engine.
 */
package org.continuum.workflow;
