package org.continuum.notification.control;

import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.Bundles;

import java.util.ResourceBundle;

/**
 * The words of a notification mail in the recipient's language: a subject and a body that say what kind of thing
 * happened, on which case reference, and where to look. There is deliberately nowhere to put a name or a story.
 */
public final class MailText {

    static final String BUNDLE = "org.continuum.notification.mail";

    private MailText() {
    }

    public record Composed(String subject, String body) {
    }

    public static Composed compose(NotificationKind kind, String language, String caseReference, String url) {
        ResourceBundle words = Bundles.load(BUNDLE, language);
        String reference = caseReference == null ? "—" : caseReference;
        String subject = String.format(words.getString("subject"), words.getString("kind." + kind.name()),
                reference);
        String pattern = words.containsKey("body." + kind.name()) ? words.getString("body." + kind.name())
                : words.getString("body");
        String body = String.format(pattern, words.getString("kind." + kind.name()), reference, url);
        return new Composed(subject, body);
    }
}
