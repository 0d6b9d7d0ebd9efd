/**
 * The staff's working pages that bring several components together: the dashboard (tasks, case figures, grants,
 * referrals), the case page (facts, plan, risk history, grants, timeline, diagram) and the task inbox. It exists in
 * the web module only and nothing depends on it, so the components it shows never depend on each other through it.
 */
package org.continuum.workspace;
