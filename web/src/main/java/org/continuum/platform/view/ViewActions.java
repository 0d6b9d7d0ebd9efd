package org.continuum.platform.view;

import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * The one way a view runs what the user asked for and reads an id from its address. A refusal by a boundary never
 * reaches the user as an error page: {@link InvalidInput} shows every problem it lists, {@link CaseAccessDenied}
 * shows the view's "not available" message (the same whether the id was foreign or unknown, so ids cannot be
 * probed). The view keeps its fields, so nothing typed is lost.
 */
public final class ViewActions {

    private ViewActions() {
    }

    /** What a view asks a boundary to do; it may redirect (which can fail with an I/O error). */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    /** The same for pages that name no case file of their own (administration, preferences, exports). */
    public static boolean run(Action action) {
        return run("case.notAvailable", action);
    }

    /** Runs {@code action}; true when it went through, false when it was refused (the messages are shown). */
    public static boolean run(String notAvailableKey, Action action) {
        try {
            action.run();
            return true;
        } catch (InvalidInput refused) {
            Messages.errors(refused.messageKeys());
        } catch (CaseAccessDenied denied) {
            Messages.error(notAvailableKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    /**
     * A new session id for the same session: after a step-up (password and code typed again) or a password change,
     * so an id seen before is worthless after it.
     */
    public static void renewSessionId() {
        Object request = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequest();
        if (request instanceof jakarta.servlet.http.HttpServletRequest http && http.getSession(false) != null) {
            http.changeSessionId();
        }
    }

    /** What a view loads for the id of its address. */
    @FunctionalInterface
    public interface Load {
        void load(long id) throws IOException;
    }

    /**
     * Loads what the view parameter {@code idParameter} names: false (with the "not available" message) when it is
     * not a number, or when the boundary refuses.
     */
    public static boolean load(String notAvailableKey, String idParameter, Load load) {
        OptionalLong id = id(idParameter);
        if (id.isEmpty()) {
            Messages.error(notAvailableKey);
            return false;
        }
        return run(notAvailableKey, () -> load.load(id.getAsLong()));
    }

    /** An id given as a view parameter: a whole number, or empty for anything else (missing, blank, typed text). */
    public static OptionalLong id(String parameter) {
        if (parameter == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(parameter.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
