package org.continuum.casefile.entity;

/** The outcome of a risk assessment, lowest first; drives how soon the case is reassessed. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
