package org.continuum.protection.entity;

/** The three parts of the risk equation. */
public enum FactorKind {
    THREAT,
    VULNERABILITY,
    CAPACITY
}
