package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.platform.boundary.JobLeases;
import org.continuum.platform.control.Roles;
import org.continuum.platform.control.ServerNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.server.SecurityDomain;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The leases that keep a job on one server at a time when several share the database (V44), on the real database:
 * of servers asking at the same moment exactly one gets a lease; its holder renews it while the others are refused;
 * another takes it once it has expired or been given back; and nobody but the system asks.
 */
@ExtendWith(ArquillianExtension.class)
class JobLeasesIT {

    static final int SERVERS = 6;
    static final int ROUNDS = 40;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(JobLeasesIT.class, Sql.class);
    }

    @Inject
    JobLeases leases;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private static String job(String what) {
        return "it-" + what + "-" + System.nanoTime();
    }

    private <T> T system(Callable<T> work) throws Exception {
        return As.user("system", Roles.SYSTEM, work::call);
    }

    @Test
    void ofServersAskingAtOnceExactlyOneGetsTheLease() throws Exception {
        Sql sql = new Sql(dataSource);
        SecurityDomain domain = As.domain();
        ExecutorService pool = Executors.newFixedThreadPool(SERVERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String job = job("race");
                sql.update("insert into job_lease (name) values (?)", job);
                CyclicBarrier start = new CyclicBarrier(SERVERS);
                List<Future<Boolean>> asked = new ArrayList<>();
                for (int s = 0; s < SERVERS; s++) {
                    String server = "node-" + s;
                    asked.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return As.user(domain, "system", Roles.SYSTEM,
                                () -> leases.acquire(job, server, Duration.ofMinutes(1)));
                    }));
                }
                List<String> winners = new ArrayList<>();
                for (int s = 0; s < SERVERS; s++) {
                    if (asked.get(s).get(60, TimeUnit.SECONDS)) {
                        winners.add("node-" + s);
                    }
                }
                assertThat(winners).as("round %d", round).hasSize(1);
                String winner = winners.get(0);
                assertThat(system(() -> leases.holder(job))).isEqualTo(winner);
                assertThat(sql.count("select count(*) from job_lease where name = ? and holder = ?", job, winner))
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHolderRenewsAndAnotherServerTakesOverOnceItExpiresOrIsGivenBack() throws Exception {
        String job = job("takeover");
        new Sql(dataSource).update("insert into job_lease (name) values (?)", job);
        assertThat(system(() -> leases.holder(job))).as("nobody holds a new lease").isNull();

        assertThat(system(() -> leases.acquire(job, "node-a", Duration.ofMinutes(5)))).isTrue();
        assertThat(system(() -> leases.acquire(job, "node-b", Duration.ofMinutes(5)))).as("held by a").isFalse();
        assertThat(system(() -> leases.acquire(job, "node-a", Duration.ofMinutes(5)))).as("a renews").isTrue();
        system(() -> {
            leases.release(job, "node-b");
            return null;
        });
        assertThat(system(() -> leases.holder(job))).as("only the holder gives a lease back").isEqualTo("node-a");

        // a stops renewing (it died): with a short lease, b takes over once the lease has run out.
        assertThat(system(() -> leases.acquire(job, "node-a", Duration.ofMillis(1500)))).isTrue();
        assertThat(Poll.until(Duration.ofSeconds(20), () -> ask(job, "node-b", Duration.ofMinutes(5))))
                .as("b takes the expired lease").isTrue();
        assertThat(system(() -> leases.acquire(job, "node-a", Duration.ofMinutes(5)))).as("now held by b").isFalse();

        // b stops cleanly and gives the lease back: a takes it at once.
        system(() -> {
            leases.release(job, "node-b");
            return null;
        });
        assertThat(system(() -> leases.holder(job))).isNull();
        assertThat(system(() -> leases.acquire(job, "node-a", Duration.ofMinutes(5)))).isTrue();
        assertThat(system(() -> leases.holder(job))).isEqualTo("node-a");
    }

    @Test
    void aJobWithoutALeaseRowRunsNowhereAndOnlyTheSystemAsks() throws Exception {
        assertThat(system(() -> leases.acquire(job("unknown"), "node-a", Duration.ofMinutes(1)))).isFalse();
        Throwable zero = catchThrowable(() -> system(() -> leases.acquire("retention", "node-a", Duration.ZERO)));
        assertThat(Stream.iterate(zero, Objects::nonNull, Throwable::getCause).map(Throwable::getMessage))
                .as("a lease of no length is refused").anyMatch(m -> m != null && m.contains("positive"));
        assertThatThrownBy(() -> As.user("claire.coordinator", Roles.COORDINATOR,
                () -> leases.acquire("retention", "node-a", Duration.ofMinutes(1))))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
        assertThat(new Sql(dataSource).strings("select name from job_lease where name in"
                + " ('mail-intake', 'retention', 'audit-chain-head') order by name"))
                .containsExactly("audit-chain-head", "mail-intake", "retention");
        assertThat(ServerNode.ID).as("this server's name in the leases").isNotBlank();
    }

    private boolean ask(String job, String server, Duration length) {
        try {
            return system(() -> leases.acquire(job, server, length));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
