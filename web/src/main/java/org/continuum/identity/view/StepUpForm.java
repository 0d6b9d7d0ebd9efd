package org.continuum.identity.view;

import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;

/**
 * The password and code a step-up action asks for (approving money or a relocation, an export, a second-factor
 * reset), held by the view of that action. The typed values are cleared after each try; a passed step-up gives the
 * session a new id.
 */
public class StepUpForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String password;
    private String code;

    /**
     * True when no step-up is {@code needed}, or the typed password and code are accepted; otherwise the message
     * {@code failedKey} is shown and false returned.
     */
    public boolean passed(boolean needed, ReauthenticationService reauth, String failedKey) {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        String typedCode = code;
        password = null;
        code = null;
        if (!needed) {
            return true;
        }
        if (!reauth.reauthenticate(typed, typedCode)) {
            Messages.error(failedKey);
            return false;
        }
        ViewActions.renewSessionId();
        return true;
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
}
