package org.continuum.identity.view;

import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.util.List;

/**
 * A login under way, kept in the server-side session between its steps: who gave a right password, the ticket that
 * earned, and what comes next. Never rendered into a page except the recovery codes, shown once.
 */
@SessionScoped
public class PendingLogin implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Stage { PASSWORD, CODE, ENROL, RECOVERY_CODES }

    private Stage stage = Stage.PASSWORD;
    private String username;
    private String ticket;
    private String secret;
    private String provisioningUri;
    private List<String> recoveryCodes = List.of();

    public void passwordAccepted(String user, String issuedTicket, boolean enrolmentFirst) {
        this.username = user;
        this.ticket = issuedTicket;
        this.stage = enrolmentFirst ? Stage.ENROL : Stage.CODE;
    }

    public void enrolling(String enrolmentSecret, String uri) {
        this.secret = enrolmentSecret;
        this.provisioningUri = uri;
    }

    public void enrolled(List<String> codes) {
        this.secret = null;
        this.provisioningUri = null;
        this.recoveryCodes = List.copyOf(codes);
        this.stage = Stage.RECOVERY_CODES;
    }

    public void recoveryCodesSaved() {
        this.recoveryCodes = List.of();
        this.stage = Stage.CODE;
    }

    public void clear() {
        stage = Stage.PASSWORD;
        username = null;
        ticket = null;
        secret = null;
        provisioningUri = null;
        recoveryCodes = List.of();
    }

    public Stage getStage() {
        return stage;
    }

    public String getUsername() {
        return username;
    }

    public String ticket() {
        return ticket;
    }

    public String getSecret() {
        return secret;
    }

    public String provisioningUri() {
        return provisioningUri;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }
}
