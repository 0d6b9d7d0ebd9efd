package org.continuum.relocation.entity;

/** The answer to one checklist item for a case; only {@link #MET} passes. */
public enum ChecklistAnswer { MET, NOT_MET, UNKNOWN }
