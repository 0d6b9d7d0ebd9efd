/** Platform concerns shared by all components: the database schema and its migrations. */
package org.continuum.platform;
