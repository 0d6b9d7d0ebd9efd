package org.continuum.identity.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.identity.boundary.OwnAccount;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;
import java.util.List;

/** The person's own account: a new password, new recovery codes (both after the current password and a code). */
@Named
@ViewScoped
public class OwnAccountView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OwnAccount ownAccount;

    private String current;
    private String code;
    private String newPassword;
    private List<String> recoveryCodes = List.of();
    private long recoveryCodesLeft;

    public void load() {
        recoveryCodesLeft = ownAccount.recoveryCodesLeft();
    }

    public void changePassword() {
        char[] now = chars(current);
        char[] next = chars(newPassword);
        String typed = code;
        clear();
        if (ViewActions.run(() -> ownAccount.changePassword(now, typed, next))) {
            ViewActions.renewSessionId();
            Messages.info("ownAccount.passwordChanged");
        }
    }

    public void renewRecoveryCodes() {
        char[] now = chars(current);
        String typed = code;
        clear();
        ViewActions.run(() -> {
            recoveryCodes = ownAccount.renewRecoveryCodes(now, typed);
            recoveryCodesLeft = recoveryCodes.size();
        });
    }

    private void clear() {
        current = null;
        code = null;
        newPassword = null;
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public long getRecoveryCodesLeft() {
        return recoveryCodesLeft;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
