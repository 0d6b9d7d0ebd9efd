package org.continuum.audit.web;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import org.continuum.audit.boundary.AccessRefusals;

/**
 * Puts every refusal by role into the audit trail, once per request, before the normal error handling shows the
 * "not available" page: a page or action calling a boundary the viewer's roles do not allow ends in an
 * {@code EJBAccessException}, which the container throws before any of our code could record it.
 */
public class RefusalAuditing extends ExceptionHandlerFactory {

    private static final String AUDITED = RefusalAuditing.class.getName() + ".audited";

    public RefusalAuditing(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExceptionHandlerWrapper(getWrapped().getExceptionHandler()) {
            @Override
            public void handle() {
                FacesContext faces = FacesContext.getCurrentInstance();
                for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                    if (refusedByRole(event.getContext().getException())
                            && faces.getAttributes().putIfAbsent(AUDITED, Boolean.TRUE) == null) {
                        String view = faces.getViewRoot() == null ? null : faces.getViewRoot().getViewId();
                        CDI.current().select(AccessRefusals.class).get().refusedByRole(view);
                    }
                }
                getWrapped().handle();
            }
        };
    }

    private static boolean refusedByRole(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException) {
                return true;
            }
        }
        return false;
    }
}
