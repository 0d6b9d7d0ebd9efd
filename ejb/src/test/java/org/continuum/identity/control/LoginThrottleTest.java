package org.continuum.identity.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-30T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle();

    LoginThrottleTest() {
        throttle.useClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    @Test
    void fiveFailuresAreFreeThenEachWaitDoublesThenTheAddressIsRefusedForTheWindow() {
        String address = "203.0.113.9";
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.check(address).allowed()).isTrue();
            throttle.failed(address);
        }
        assertThat(throttle.check(address).allowed()).as("sixth attempt at once").isFalse();
        assertThat(throttle.check(address).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        now = now.plusSeconds(2);
        assertThat(throttle.check(address).allowed()).isTrue();
        throttle.failed(address);
        assertThat(throttle.check(address).retryAfter()).as("the wait doubles").isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.check("203.0.113.10").allowed()).as("another address is not slowed").isTrue();
        for (int i = 0; i < 14; i++) {
            now = now.plusSeconds(1);
            throttle.failed(address);
        }
        assertThat(throttle.failuresOf(address)).isEqualTo(20);
        now = now.plusSeconds(120);
        assertThat(throttle.check(address).allowed()).as("20 failures: refused whatever the wait").isFalse();
        now = now.plus(LoginThrottle.WINDOW);
        assertThat(throttle.check(address).allowed()).as("after the window").isTrue();
        assertThat(throttle.failuresOf(address)).isZero();
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        int attempts = 200;
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < attempts; i++) {
            String address = i % 4 == 0 ? "198.51.100.1" : "198.51.100." + (2 + i % 3);
            pool.submit(() -> {
                start.await();
                throttle.failed(address);
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        int counted = throttle.failuresOf("198.51.100.1") + throttle.failuresOf("198.51.100.2")
                + throttle.failuresOf("198.51.100.3") + throttle.failuresOf("198.51.100.4");
        assertThat(counted).as("no lost update").isEqualTo(attempts);
        assertThat(throttle.failuresOf("198.51.100.1")).isEqualTo(50);
    }
}
