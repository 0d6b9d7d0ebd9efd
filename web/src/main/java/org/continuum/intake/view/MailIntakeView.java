package org.continuum.intake.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.intake.boundary.MailIntakeService;
import org.continuum.platform.view.Messages;

import java.io.Serializable;
import java.util.List;

/** The team's e-mail queue: drafts to register or dismiss, quarantined messages with their reason, one mail read. */
@Named
@ViewScoped
public class MailIntakeView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MailIntakeService mails;

    private String open;
    private List<MailIntakeService.Row> queue = List.of();
    private MailIntakeService.Message message;

    public void load() {
        queue = mails.queue();
        if (open != null && !open.isBlank()) {
            read(ViewActions.id(open).orElse(-1));
        }
    }

    public void read(long id) {
        if (!ViewActions.run("mailIntake.unknown", () -> message = mails.open(id))) {
            message = null;
        }
    }

    public void dismiss(long id) {
        ViewActions.run("mailIntake.unknown", () -> {
            mails.dismiss(id);
            Messages.info("mailIntake.dismissed");
            message = null;
        });
        queue = mails.queue();
    }


    public String getOpen() {
        return open;
    }

    public void setOpen(String open) {
        this.open = open;
    }

    public List<MailIntakeService.Row> getQueue() {
        return queue;
    }

    public MailIntakeService.Message getMessage() {
        return message;
    }
}
