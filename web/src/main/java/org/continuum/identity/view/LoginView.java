package org.continuum.identity.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.continuum.identity.boundary.AuthenticationService;
import org.continuum.identity.control.QrCodes;
import org.continuum.identity.web.LiveSessionFilter;
import org.continuum.identity.web.SecondStepCredential;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;

import java.io.IOException;
import java.util.List;

/**
 * The login form, in two steps: the password, then a code of the person's authenticator (enrolled at the first
 * login, before anything else is possible). The session id changes at each step, so an id planted before login
 * (session fixation) is worthless afterwards; a failure never says whether the user exists or is locked.
 */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext securityContext;

    @Inject
    SessionView session;

    @Inject
    PendingLogin pending;

    @Inject
    AuthenticationService authentication;

    private String username;
    private String password;
    private String code;
    private boolean codesSaved;
    private QrCodes.Symbol qrCode;

    /** Step 1: the password. */
    public void login() {
        HttpServletRequest request = request();
        request.getSession(true);
        request.changeSessionId();
        AuthenticationService.PasswordStep step = authentication.password(username,
                password == null ? new char[0] : password.toCharArray(), request.getRemoteAddr());
        password = null;
        switch (step.next()) {
            case CODE -> pending.passwordAccepted(step.username(), step.ticket(), false);
            case ENROL -> {
                pending.passwordAccepted(step.username(), step.ticket(), true);
                startEnrolment();
            }
            case THROTTLED -> {
                pending.clear();
                Messages.errors(java.util.List.of("login.throttled:" + step.retryAfterSeconds()));
            }
            default -> {
                pending.clear();
                Messages.error("login.failed");
            }
        }
    }

    private void startEnrolment() {
        ViewActions.run(() -> {
            AuthenticationService.Enrolment enrolment = authentication.startEnrolment(pending.getUsername(),
                    pending.ticket());
            pending.enrolling(enrolment.secret(), enrolment.provisioningUri());
        });
    }

    /** Enrolment: the first code of the newly added authenticator confirms it; the recovery codes follow. */
    public void confirmEnrolment() {
        if (pending.getStage() != PendingLogin.Stage.ENROL) {
            pending.clear();
            return;
        }
        String typed = code;
        code = null;
        ViewActions.run(() -> pending.enrolled(authentication.confirmEnrolment(pending.getUsername(),
                pending.ticket(), typed)));
    }

    /** The person confirms they kept the recovery codes; then they log in with their next code. */
    public void recoveryCodesKept() {
        if (!codesSaved) {
            Messages.error("login.recovery.confirm");
            return;
        }
        pending.recoveryCodesSaved();
    }

    /** Step 2: the code (or a recovery code). */
    public void verify() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ctx = faces.getExternalContext();
        HttpServletRequest request = request();
        if (pending.getStage() != PendingLogin.Stage.CODE) {
            pending.clear();
            Messages.error("login.expired");
            return;
        }
        request.changeSessionId();
        String typed = code;
        code = null;
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) ctx.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new SecondStepCredential(pending.getUsername(), pending.ticket(), typed,
                                request.getRemoteAddr())));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                pending.clear();
                request.getSession().setAttribute(LiveSessionFilter.LOGGED_IN_AT, java.time.Instant.now());
                ctx.redirect(ctx.getRequestContextPath() + session.getHome());
                faces.responseComplete();
            }
            default -> Messages.error("login.code.failed");
        }
    }

    /** Back to the password (another account, or a ticket that ran out). */
    public void restart() {
        pending.clear();
    }

    /** Demo servers only: the current code of the demo account being logged in; null anywhere else. */
    public String getDemoCode() {
        if (pending.getStage() != PendingLogin.Stage.CODE && pending.getStage() != PendingLogin.Stage.ENROL) {
            return null;
        }
        return authentication.demoCode(pending.getUsername(), pending.ticket()).orElse(null);
    }

    /** The enrolment QR code, drawn by the page as SVG squares (computed once per request). */
    public QrCodes.Symbol getQrCode() {
        String uri = pending.provisioningUri();
        if (qrCode == null && uri != null) {
            qrCode = QrCodes.of(uri);
        }
        return qrCode;
    }

    public PendingLogin getPending() {
        return pending;
    }

    /** The secret in groups of four, easier to type into an app than one long string. */
    public String getSecretGroups() {
        String secret = pending.getSecret();
        return secret == null ? null : String.join(" ", List.of(secret.split("(?<=\\G.{4})")));
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public boolean isCodesSaved() {
        return codesSaved;
    }

    public void setCodesSaved(boolean codesSaved) {
        this.codesSaved = codesSaved;
    }
}
