package org.continuum.protection.entity;

/** Why a lower continuum step does not stand in the way of relocation. */
public enum EvidenceKind {
    /** The step was tried (a measure of that step is in the plan) and was not enough. */
    TRIED,
    /** The step cannot work for this person, for the reason given. */
    NOT_FEASIBLE
}
