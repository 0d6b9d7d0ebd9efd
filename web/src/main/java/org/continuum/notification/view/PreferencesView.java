package org.continuum.notification.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.notification.boundary.NotificationPreferences;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.view.Messages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A staff member's own notification choices and the language of their mails. */
@Named
@ViewScoped
public class PreferencesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    NotificationPreferences preferences;

    private String email;
    private String language;
    private List<String> receive = new ArrayList<>();

    public void load() {
        NotificationPreferences.Mine mine = preferences.mine();
        email = mine.email();
        language = mine.language();
        receive = new ArrayList<>(mine.receive().stream().map(Enum::name).toList());
    }

    public void save() {
        Set<NotificationKind> chosen = EnumSet.noneOf(NotificationKind.class);
        receive.forEach(k -> chosen.add(NotificationKind.valueOf(k)));
        ViewActions.run(() -> {
            preferences.choose(chosen, language);
            Messages.info("preferences.saved");
        });
    }

    /** The kinds a person may switch off (security notices about their own account always come). */
    public NotificationKind[] getKinds() {
        return java.util.Arrays.stream(NotificationKind.values()).filter(k -> !k.isMandatory())
                .toArray(NotificationKind[]::new);
    }

    public String getEmail() {
        return email;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public List<String> getReceive() {
        return receive;
    }

    public void setReceive(List<String> receive) {
        this.receive = receive;
    }
}
