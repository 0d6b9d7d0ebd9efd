/**
 * Reference data: partner organisations and the catalogue of protective measures ordered along the continuum,
 * loaded from the readable files in {@code seeds/} and validated line by line at load.
 */
package org.continuum.reference;
