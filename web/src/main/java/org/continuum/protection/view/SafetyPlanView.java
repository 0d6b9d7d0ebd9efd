package org.continuum.protection.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.platform.control.Roles;
import org.continuum.platform.view.Messages;
import org.continuum.protection.boundary.SafetyPlanService;
import org.continuum.protection.entity.SafetyPlan;

import java.io.Serializable;

/**
 * The safety plan of a case: the mentor writes it with the person; everyone on the case can read and print it (the
 * page has a print layout without navigation).
 */
@Named
@ViewScoped
public class SafetyPlanView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SafetyPlanService plans;

    private String caseId;
    private SafetyPlanService.PlanView plan;

    private String contacts;
    private String codeWords;
    private String safeRoutes;
    private String ifThen;
    private String devices;
    private String accounts;
    private String compromiseSigns;
    private boolean screenLock;
    private boolean diskEncryption;
    private boolean twoFactor;
    private boolean secureMessenger;
    private boolean backups;
    private boolean locationSharingOff;

    public void load() {
        if (!ViewActions.load("case.notAvailable", caseId, id -> plan = plans.plan(id))) {
            plan = null;
            return;
        }
        SafetyPlan.Content c = plan.content();
        contacts = c.contacts();
        codeWords = c.codeWords();
        safeRoutes = c.safeRoutes();
        ifThen = c.ifThen();
        devices = c.devices();
        accounts = c.accounts();
        compromiseSigns = c.compromiseSigns();
        screenLock = c.screenLock();
        diskEncryption = c.diskEncryption();
        twoFactor = c.twoFactor();
        secureMessenger = c.secureMessenger();
        backups = c.backups();
        locationSharingOff = c.locationSharingOff();
    }

    public boolean isEditable() {
        return plan != null && FacesContext.getCurrentInstance().getExternalContext()
                .isUserInRole(Roles.SECURITY_MENTOR);
    }

    public void save() {
        if (plan == null) {
            return;
        }
        ViewActions.run("case.notAvailable", () -> {
            plans.save(plan.caseFileId(), new SafetyPlan.Content(contacts, codeWords, safeRoutes, ifThen, devices,
                    accounts, compromiseSigns, screenLock, diskEncryption, twoFactor, secureMessenger, backups,
                    locationSharingOff));
            Messages.info("safetyPlan.saved");
            caseId = String.valueOf(plan.caseFileId());
            load();
        });
    }

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = caseId;
    }

    public SafetyPlanService.PlanView getPlan() {
        return plan;
    }

    public String getContacts() {
        return contacts;
    }

    public void setContacts(String contacts) {
        this.contacts = contacts;
    }

    public String getCodeWords() {
        return codeWords;
    }

    public void setCodeWords(String codeWords) {
        this.codeWords = codeWords;
    }

    public String getSafeRoutes() {
        return safeRoutes;
    }

    public void setSafeRoutes(String safeRoutes) {
        this.safeRoutes = safeRoutes;
    }

    public String getIfThen() {
        return ifThen;
    }

    public void setIfThen(String ifThen) {
        this.ifThen = ifThen;
    }

    public String getDevices() {
        return devices;
    }

    public void setDevices(String devices) {
        this.devices = devices;
    }

    public String getAccounts() {
        return accounts;
    }

    public void setAccounts(String accounts) {
        this.accounts = accounts;
    }

    public String getCompromiseSigns() {
        return compromiseSigns;
    }

    public void setCompromiseSigns(String compromiseSigns) {
        this.compromiseSigns = compromiseSigns;
    }

    public boolean isScreenLock() {
        return screenLock;
    }

    public void setScreenLock(boolean screenLock) {
        this.screenLock = screenLock;
    }

    public boolean isDiskEncryption() {
        return diskEncryption;
    }

    public void setDiskEncryption(boolean diskEncryption) {
        this.diskEncryption = diskEncryption;
    }

    public boolean isTwoFactor() {
        return twoFactor;
    }

    public void setTwoFactor(boolean twoFactor) {
        this.twoFactor = twoFactor;
    }

    public boolean isSecureMessenger() {
        return secureMessenger;
    }

    public void setSecureMessenger(boolean secureMessenger) {
        this.secureMessenger = secureMessenger;
    }

    public boolean isBackups() {
        return backups;
    }

    public void setBackups(boolean backups) {
        this.backups = backups;
    }

    public boolean isLocationSharingOff() {
        return locationSharingOff;
    }

    public void setLocationSharingOff(boolean locationSharingOff) {
        this.locationSharingOff = locationSharingOff;
    }
}
