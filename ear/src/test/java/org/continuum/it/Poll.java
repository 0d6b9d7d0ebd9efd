package org.continuum.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for something that happens asynchronously (a timer, a page) with a deadline, never a fixed sleep. */
public final class Poll {

    private Poll() {
    }

    public static boolean until(Duration deadline, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            synchronized (Poll.class) {
                Poll.class.wait(200);
            }
        }
        return condition.getAsBoolean();
    }
}
