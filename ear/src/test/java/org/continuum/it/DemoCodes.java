package org.continuum.it;

import org.continuum.identity.control.SecondFactor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The second-factor codes of the demo accounts, computed the way an authenticator app does from the public secrets of
 * {@code seeds/demo/users.csv} (on the class path, inside the domain jar). Each code is accepted once per account, so
 * {@link #after} gives the code of the first step later than the last one accepted, waiting for it when needed.
 */
public final class DemoCodes {

    private static final SecondFactor CODES = new SecondFactor();
    /** How long before the end of a step its previous step's code is no longer offered. */
    private static final java.time.Duration MARGIN = java.time.Duration.ofSeconds(8);
    private static final Map<String, String> SECRETS = read();

    private DemoCodes() {
    }

    public static String secretOf(String username) {
        String secret = SECRETS.get(username);
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException(username + " has no demo second-factor secret");
        }
        return secret;
    }

    /** The code of the current step for a demo account. */
    public static String now(String username) {
        return CODES.code(secretOf(username), Instant.now());
    }

    /**
     * The code of a secret for the first step after {@code lastStep} (null: any). The server accepts the next step's
     * code already (one step of drift), so this waits only when even that one was used.
     */
    public static String after(String secret, Long lastStep) {
        return forStep(secret, stepAfter(lastStep));
    }

    /** The first step after {@code lastStep} whose code the server accepts now, waiting for it when needed. */
    public static long stepAfter(Long lastStep) {
        return stepAfter(lastStep, false);
    }

    /**
     * The same; with {@code submittedAtOnce} (a login's code, sent the moment it is typed), an account that used none
     * of the three steps the server accepts (drift either side) takes the one before the current step first, so three
     * logins fit in one step instead of two; not in the last {@link #MARGIN} of a step, where the request could reach
     * the server after the step changed. A code typed into a form that is sent later keeps to the current step.
     */
    public static long stepAfter(Long lastStep, boolean submittedAtOnce) {
        Instant now = Instant.now();
        long current = SecondFactor.step(now);
        long stepSeconds = SecondFactor.STEP.toSeconds();
        boolean earlierStillSafe = submittedAtOnce
                && stepSeconds - now.getEpochSecond() % stepSeconds > MARGIN.toSeconds();
        long earliest = earlierStillSafe ? current - 1 : current;
        long wanted = lastStep == null ? earliest : Math.max(earliest, lastStep + 1);
        if (wanted > current + 1) {
            // Wait until the step before the wanted one begins: the wanted code is then within the drift.
            long before = wanted - 1;
            long start = System.nanoTime();
            try {
                if (!Poll.until(SecondFactor.STEP.multipliedBy(2), () -> SecondFactor.step(Instant.now()) >= before)) {
                    throw new IllegalStateException("time step " + before + " did not begin");
                }
                // A figure for the test command's time: how long the tests wait for codes (summed from the log).
                System.out.println("Second-factor wait: " + (System.nanoTime() - start) / 1_000_000 + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return wanted;
    }

    /**
     * For tests inside the server: a code of this demo account the server accepts now, without waiting. The server
     * accepts each 30-second step once per account (one step ahead at most), so a test that steps the same account up
     * a third time within a step would wait up to half a minute; the journeys of many case files did, minutes per
     * run. Then the account's record of its last used step is set back to the step before the current one, as if
     * that time had passed. What the tests prove stays the same (password and code checked by the real step-up); the
     * replay guard itself is proven where it is the subject: {@code LoginIT}, {@code OwnAccountIT} and the browser
     * logins, which never set it back.
     */
    public static String nextCode(javax.sql.DataSource dataSource, String user) {
        Sql sql = new Sql(dataSource);
        Long last = sql.longValue("select totp_last_step from app_user where username = ?", user);
        long current = SecondFactor.step(Instant.now());
        if (last != null && last > current) {
            sql.update("update app_user set totp_last_step = ? where username = ? and totp_last_step = ?",
                    current - 1, user, last);
            last = current - 1;
        }
        return after(secretOf(user), last);
    }

    /**
     * A step-up of a demo account with its password and its next code, as the person would make it; fails the test
     * when the server refuses it.
     */
    public static void stepUp(javax.sql.DataSource dataSource,
                              org.continuum.identity.boundary.ReauthenticationService reauth, String user, String role,
                              String password) throws Exception {
        String code = nextCode(dataSource, user);
        As.run(user, role, () -> org.assertj.core.api.Assertions
                .assertThat(reauth.reauthenticate(password.toCharArray(), code)).as("step-up of " + user).isTrue());
    }

    /** The code of a secret for one given step. */
    public static String forStep(String secret, long step) {
        return CODES.code(secret, Instant.ofEpochSecond(step * SecondFactor.STEP.toSeconds()));
    }

    /** The step a code of this secret was made for, from the current step or the next one. */
    public static long stepOf(Instant at) {
        return SecondFactor.step(at);
    }

    private static Map<String, String> read() {
        Map<String, String> secrets = new HashMap<>();
        try (InputStream in = DemoCodes.class.getClassLoader().getResourceAsStream("seeds/demo/users.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length && i < cells.length; i++) {
                    row.put(header[i], cells[i]);
                }
                secrets.put(row.get("username"), row.getOrDefault("totp_secret", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }
}
