/**
 * Administration of people and teams, for administrators: accounts (create, roles and team, disable, password and
 * second-factor resets) and teams (create, rename, retire). It sits above {@code identity}, whose accounts it
 * changes, and {@code casefile}, which it asks whether a team still has open case files. Its pages never show case
 * content. Every change is audited with who did it and what changed (old and new roles or team, never a secret).
 */
package org.continuum.administration;
