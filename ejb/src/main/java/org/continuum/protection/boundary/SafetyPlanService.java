package org.continuum.protection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.protection.control.SafetyPlans;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseAccessPolicy;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.platform.control.InvalidInput;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.protection.entity.SafetyPlan;

import java.time.Instant;

/**
 * The safety plan and digital-security check of a case: read by anyone who may open the case (the caseworker prints
 * it for the person), written by the security mentor, whose need to know is the case assigned to them. Every
 * reading and change is audited; the timeline says that the plan changed, never what it says.
 */
@Stateless
@RolesAllowed({Roles.SECURITY_MENTOR, Roles.CASEWORKER, Roles.COORDINATOR})
public class SafetyPlanService {

    @Inject
    SafetyPlans plans;

    @Inject
    Caller currentCaller;

    @Inject
    CaseGuard guard;

    @Inject
    CaseEvents events;


    @Inject
    AuditTrail audit;

    public record PlanView(long caseFileId, String caseReference, String pseudonym, SafetyPlan.Content content,
                           Instant updatedAt, String updatedBy) implements Serializable {
    }

    public PlanView plan(long caseFileId) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.SAFETY_PLAN_VIEWED);
        audit.record(caller.getUsername(), AuditAction.SAFETY_PLAN_VIEWED, caseFileId, null);
        SafetyPlan plan = find(caseFileId);
        return plan == null
                ? new PlanView(caseFileId, caseFile.getReference(), caseFile.getPseudonym(), SafetyPlan.Content.EMPTY,
                null, null)
                : new PlanView(caseFileId, caseFile.getReference(), caseFile.getPseudonym(), plan.content(),
                plan.getUpdatedAt(), plan.getUpdatedBy());
    }

    @RolesAllowed(Roles.SECURITY_MENTOR)
    public void save(long caseFileId, SafetyPlan.Content content) {
        UserAccount caller = currentCaller.account();
        // Mentor-only: the assigned mentor writes it, even when another team member also holds the mentor role.
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.SAFETY_PLAN_UPDATED,
                CaseAccessPolicy.Capability.ASSIGNED_MENTOR);
        if (content == null) {
            throw new InvalidInput("input.invalid");
        }
        SafetyPlan existing = find(caseFileId);
        SafetyPlan plan = existing == null ? new SafetyPlan(caseFileId) : existing;
        Instant now = Instant.now();
        InvalidInput.whenRefused(() -> plan.update(content, caller.getUsername(), now));
        if (existing == null) {
            plans.add(plan);
        }
        events.record(caseFile, caller.getUsername(), CaseEventKind.SAFETY_PLAN_UPDATED,
                "digital-protections=" + content.protectionsInPlace() + "/6", null, AuditAction.SAFETY_PLAN_UPDATED,
                null);
    }

    private SafetyPlan find(long caseFileId) {
        return plans.ofCase(caseFileId).orElse(null);
    }

}
