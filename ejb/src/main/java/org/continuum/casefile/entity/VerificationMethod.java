package org.continuum.casefile.entity;

/** How a requester's identity and story were verified. */
public enum VerificationMethod {
    PARTNER_ATTESTATION,
    DOCUMENTS,
    KNOWN_CONTACT,
    INTERVIEW
}
