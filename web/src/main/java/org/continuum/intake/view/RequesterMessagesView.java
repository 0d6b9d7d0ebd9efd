package org.continuum.intake.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.entity.Channel;
import org.continuum.intake.boundary.RequesterMessages;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;
import org.continuum.workspace.view.CaseView;

import java.io.Serializable;
import java.util.List;

/**
 * The case page's messages with a person who asked through the public form: the thread, and a message to write.
 * Loaded only for case files that came through the form.
 */
@Named
@ViewScoped
public class RequesterMessagesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RequesterMessages messages;

    @Inject
    CaseView caseView;

    private Long caseFileId;
    private List<RequesterMessages.Message> thread;
    private String text;

    private void load() {
        if (caseFileId == null && caseView.getDetails() != null
                && caseView.getDetails().channel() == Channel.WEB_FORM) {
            caseFileId = caseView.getDetails().id();
            ViewActions.run(() -> thread = messages.thread(caseFileId).orElse(null));
        }
    }

    /** The thread, or null when the case did not come through the public form. */
    public List<RequesterMessages.Message> getThread() {
        load();
        return thread;
    }

    public void send() {
        load();
        if (caseFileId == null) {
            return;
        }
        if (ViewActions.run(() -> messages.send(caseFileId, text))) {
            text = null;
            Messages.info("requesterMessage.sent");
            thread = messages.thread(caseFileId).orElse(null);
        }
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
