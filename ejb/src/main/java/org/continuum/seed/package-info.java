/**
 * First-start data: reads the readable files in {@code seeds/} (reference data always, demo accounts, funds and case
 * files only with {@code continuum.demo=true}) and fills the components that own them. It sits above every component
 * it fills and nothing depends on it but the start-up code, so filling a new component never makes a cycle.
 */
package org.continuum.seed;
