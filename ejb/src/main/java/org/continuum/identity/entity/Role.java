package org.continuum.identity.entity;

/**
 * Staff roles. Names are used verbatim as Jakarta Security groups and EJB roles, so the constants in
 * {@link org.continuum.platform.control.Roles} must stay equal to the enum names.
 */
public enum Role {
    CASEWORKER,
    SECURITY_MENTOR,
    COORDINATOR,
    AUDITOR,
    ADMIN
}
