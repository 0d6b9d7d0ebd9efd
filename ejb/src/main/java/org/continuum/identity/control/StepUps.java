package org.continuum.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.Settings;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step-ups, bound to the HTTP session in which they were passed: a password and a fresh code typed in one browser
 * open the window ({@link #WINDOW_PROPERTY}, default five minutes) for that browser only, never for another session of
 * the same account. A call outside any session (a timer, a message) has no step-up.
 */
@ApplicationScoped
public class StepUps {

    public static final String WINDOW_PROPERTY = "continuum.reauth.window";
    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    @Inject
    SessionWindow session;

    /** The caller passed a step-up now, in this session. */
    public void passed(UserAccount user, Instant now) {
        session.open(user.getUsername(), now);
    }

    /** True when {@code user} passed a step-up in this session no longer than the window ago. */
    public boolean fresh(UserAccount user, Instant now) {
        try {
            return session.isOpenFor(user.getUsername(), window(), now);
        } catch (ContextNotActiveException outsideAnySession) {
            return false;
        }
    }

    /** The step-up window. */
    public static Duration window() {
        return Settings.duration(WINDOW_PROPERTY, DEFAULT_WINDOW);
    }

    /**
     * The step-ups of one HTTP session: when each person signed in to it last passed one (a session has one person;
     * keeping it by name means a session can never lend a step-up to another name). Gone with the session.
     */
    @SessionScoped
    public static class SessionWindow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Map<String, Instant> passedAt = new ConcurrentHashMap<>();

        public void open(String user, Instant now) {
            passedAt.put(user, now);
        }

        public boolean isOpenFor(String user, Duration window, Instant now) {
            Instant passed = passedAt.get(user);
            return passed != null && !passed.isAfter(now) && !passed.plus(window).isBefore(now);
        }
    }
}
