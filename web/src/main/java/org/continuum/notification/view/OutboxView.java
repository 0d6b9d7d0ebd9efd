package org.continuum.notification.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.notification.boundary.OutboxAdmin;
import org.continuum.platform.view.Messages;

import java.io.Serializable;

/** The administrators' outbox page: waiting, being sent, sent; failing messages with their error; retry now. */
@Named
@ViewScoped
public class OutboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OutboxAdmin outbox;

    private OutboxAdmin.Overview overview;

    public void load() {
        overview = outbox.overview();
    }

    public void retry(long id) {
        ViewActions.run(() -> {
            outbox.retry(id);
            Messages.info("outbox.retried");
        });
        load();
    }

    public OutboxAdmin.Overview getOverview() {
        return overview;
    }
}
