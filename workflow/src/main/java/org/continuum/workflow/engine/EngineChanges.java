package org.continuum.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import org.continuum.platform.control.CommittedChanges;
import org.operaton.bpm.engine.impl.history.event.HistoryEvent;
import org.operaton.bpm.engine.impl.history.handler.HistoryEventHandler;

import java.util.List;

/**
 * A counter of committed transactions that changed the engine's state on this server (see {@link CommittedChanges}),
 * so that what is read from the engine's tables can be kept until the next change. The engine reports every change
 * (a task created, claimed, completed or deleted, a variable written, a process started or ended) as a history
 * event, whichever thread makes it: a boundary, a timer on a job thread, the data generator. Changes made by another
 * server are not seen here: what is kept also has a maximum age.
 */
@ApplicationScoped
public class EngineChanges extends CommittedChanges implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
        changed();
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        if (!events.isEmpty()) {
            changed();
        }
    }
}
