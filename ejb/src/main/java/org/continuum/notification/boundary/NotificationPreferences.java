package org.continuum.notification.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.identity.control.Caller;
import org.continuum.identity.entity.UserAccount;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.util.EnumSet;
import java.util.Set;

/** Each staff member chooses which notifications reach them by mail; the language is their interface language. */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
public class NotificationPreferences {

    @Inject
    Caller currentCaller;

    @Inject
    AuditTrail audit;

    public record Mine(String email, String language, Set<NotificationKind> receive) {
    }

    public Mine mine() {
        UserAccount me = currentCaller.account();
        Set<NotificationKind> receive = EnumSet.allOf(NotificationKind.class);
        receive.removeIf(k -> me.getNotificationsOff().contains(k.name()));
        return new Mine(me.getEmail(), me.getLanguage(), receive);
    }

    public void choose(Set<NotificationKind> receive, String language) {
        UserAccount me = currentCaller.account();
        if (language != null) {
            InvalidInput.whenRefused(() -> me.preferLanguage(language));
        }
        Set<NotificationKind> off = EnumSet.allOf(NotificationKind.class);
        if (receive != null) {
            off.removeAll(receive);
        }
        me.chooseNotificationsOff(off.stream().map(Enum::name).toList());
        audit.record(me.getUsername(), AuditAction.NOTIFICATION_PREFERENCES_SAVED, null, "off=" + off.size());
    }
}
