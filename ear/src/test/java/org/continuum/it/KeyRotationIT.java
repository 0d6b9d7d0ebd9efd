package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.administration.boundary.KeyAdministration;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.entity.Urgency;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.casefile.control.CaseQuery;
import org.continuum.casefile.entity.RequestType;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.PublicRequestService;
import org.continuum.intake.control.PublicGate;
import org.continuum.intake.control.PublicRequest;
import org.continuum.intake.control.ReceiptCodes;
import org.continuum.platform.control.Roles;
import org.continuum.security.control.FieldCipher;
import org.continuum.security.control.KeyRotation;
import org.continuum.security.control.SealingKeys;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.server.SecurityDomain;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S16 key rotation on the real server: while caseworkers register and read case files, an administrator rotates the
 * field keyset; no request fails, every data key ends up wrapped by the new key, the old key leaves the keyset, and
 * every case file reads as before. A rotation stopped half way is finished by the next one. A data key as an older
 * copy of the database holds it no longer unwraps once the rotation is done.
 */
@ExtendWith(ArquillianExtension.class)
class KeyRotationIT {

    /** A caseworker of the smaller team: the case files made here stay out of the MENA inbox other tests read. */
    static final String IVAN = "ivan.caseworker";
    static final String ADMIN = "admin";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(KeyRotationIT.class, IntakeIT.class, Sql.class, DemoCodes.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    CaseFileService caseFiles;

    @Inject
    KeyAdministration keys;

    @Inject
    KeyRotation rotation;

    @Inject
    SealingKeys sealingKeys;

    @Inject
    ReauthenticationService reauth;

    @Inject
    PublicRequestService publicRequests;

    @Inject
    PublicGate gate;

    @Inject
    ReceiptCodes receipts;

    @Inject
    FieldCipher cipher;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private long register(SecurityDomain domain, String name) throws Exception {
        return As.user(domain, IVAN, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Key " + name, name,
                Urgency.STANDARD))).caseFileId();
    }

    private String name(long id) throws Exception {
        return As.user(IVAN, Roles.CASEWORKER, () -> caseFiles.view(id)).legalName();
    }

    private void stepUp() throws Exception {
        if (As.user(ADMIN, Roles.ADMIN, () -> keys.status().stepUpNeeded())) {
            DemoCodes.stepUp(dataSource, reauth, ADMIN, Roles.ADMIN, "Demo-Admin-2026!");
        }
    }

    @Test
    void aRotationUnderLoadFailsNoRequestAndLeavesEveryCaseFileReadable() throws Exception {
        SecurityDomain domain = As.domain();
        Map<Long, String> names = new ConcurrentHashMap<>();
        for (int i = 0; i < 3; i++) {
            String name = "Ирина Before " + UUID.randomUUID();
            names.put(register(domain, name), name);
        }
        Sql sql = new Sql(dataSource);
        long some = names.keySet().iterator().next();
        String wrappedBefore = sql.string("select wrapped from sealing_key where scope = ?", "case-" + some);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        List<Throwable> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Thread worker = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                while (running.get()) {
                    try {
                        // A few new case files (each makes a data key during the rotation), then readings.
                        if (mine.size() < 3) {
                            String name = "سارة During " + UUID.randomUUID();
                            long id = register(domain, name);
                            names.put(id, name);
                            mine.add(id);
                        }
                        for (long id : mine) {
                            String read = As.user(domain, IVAN, Roles.CASEWORKER, () -> caseFiles.view(id))
                                    .legalName();
                            if (!names.get(id).equals(read)) {
                                throw new AssertionError("read " + read + " for " + names.get(id));
                            }
                            done.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failed.add(e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        assertThat(Poll.until(java.time.Duration.ofSeconds(30), () -> done.get() >= 6))
                .as("the caseworkers are at work before the rotation begins").isTrue();
        stepUp();
        KeyAdministration.Rotated result = As.user(ADMIN, Roles.ADMIN, () -> keys.rotate());
        int atTheEnd = done.get();
        assertThat(Poll.until(java.time.Duration.ofSeconds(30), () -> done.get() > atTheEnd + 5))
                .as("the caseworkers go on after the rotation").isTrue();
        running.set(false);
        for (Thread worker : workers) {
            worker.join(60_000);
        }

        System.out.println("S16 rotation under load: " + done.get() + " registrations and readings during it, "
                + failed.size() + " failed; " + result);
        assertThat(failed).as("requests that failed during the rotation").isEmpty();
        assertThat(done.get()).as("work done during the rotation").isPositive();
        assertThat(result.left()).isZero();
        assertThat(result.finished()).isTrue();
        assertThat(result.rewrapped()).isGreaterThanOrEqualTo(3);
        assertThat(As.user(ADMIN, Roles.ADMIN, () -> keys.status().fieldKeys())).isOne();
        for (Map.Entry<Long, String> c : names.entrySet()) {
            assertThat(name(c.getKey())).isEqualTo(c.getValue());
        }
        assertThat(sql.count("select count(*) from audit_event where action = 'FIELD_KEYS_ROTATED'")).isPositive();

        // An older copy of the database holds the data key as it was wrapped then: it no longer unwraps.
        String wrappedNow = sql.string("select wrapped from sealing_key where scope = ?", "case-" + some);
        assertThat(wrappedNow).isNotEqualTo(wrappedBefore);
        try {
            sql.update("update sealing_key set wrapped = ? where scope = ?", wrappedBefore, "case-" + some);
            sealingKeys.forget("case-" + some);
            assertThatThrownBy(() -> name(some)).hasStackTraceContaining("does not unwrap");
        } finally {
            sql.update("update sealing_key set wrapped = ? where scope = ?", wrappedNow, "case-" + some);
            sealingKeys.forget("case-" + some);
        }
        assertThat(name(some)).isEqualTo(names.get(some));
    }

    @Test
    void aRotationStoppedHalfWayIsFinishedByTheNext() throws Exception {
        SecurityDomain domain = As.domain();
        Map<Long, String> names = new ConcurrentHashMap<>();
        for (int i = 0; i < 3; i++) {
            String name = "Half " + UUID.randomUUID();
            names.put(register(domain, name), name);
        }
        KeyRotation.Result half = rotation.rotate(1);
        assertThat(half.rewrapped()).isOne();
        assertThat(half.oldKeysRemoved()).isFalse();
        assertThat(As.user(ADMIN, Roles.ADMIN, () -> keys.status().fieldKeys())).as("both keys kept").isEqualTo(2);
        for (Map.Entry<Long, String> c : names.entrySet()) {
            assertThat(name(c.getKey())).as("everything opens in between").isEqualTo(c.getValue());
        }

        stepUp();
        KeyAdministration.Rotated rest = As.user(ADMIN, Roles.ADMIN, () -> keys.rotate());
        assertThat(rest.resumed()).isTrue();
        assertThat(rest.left()).isZero();
        assertThat(rest.finished()).isTrue();
        assertThat(As.user(ADMIN, Roles.ADMIN, () -> keys.status().fieldKeys())).isOne();
        for (Map.Entry<Long, String> c : names.entrySet()) {
            assertThat(name(c.getKey())).isEqualTo(c.getValue());
        }
    }

    private String agedToken() throws InterruptedException {
        String token = publicRequests.formToken();
        assertThat(Poll.until(java.time.Duration.ofSeconds(10), () -> gate.check(token).valid())).isTrue();
        return token;
    }

    @Test
    void anIndexRotationRebuildsNameIndexesAndMovesAReceiptCodeWhenThePersonNextUsesIt() throws Exception {
        Sql sql = new Sql(dataSource);
        String name = "Мирзо Индекс " + UUID.randomUUID();
        long id = register(As.domain(), name);
        String nameIndexBefore = sql.string("select legal_name_index from casefile where id = ?", id);
        String address = "203.0.113.251";
        String code = publicRequests.submit(new PublicRequest("Index " + UUID.randomUUID(), "A request", "LB",
                "بيروت", Set.of(RequestType.EMERGENCY_AID), List.of("ar"), "signal: index", Set.of(), true,
                Set.of(RequestType.EMERGENCY_AID)), agedToken(), address);
        String digits = ReceiptCodes.digits(code).orElseThrow();
        String receiptBefore = receipts.index(digits).value();
        long request = sql.longValue("select id from mail_intake where receipt_index = ?", receiptBefore);
        String tokenBefore = agedToken();

        stepUp();
        KeyAdministration.Reindexed first = As.user(ADMIN, Roles.ADMIN, () -> keys.rotateIndex());
        System.out.println("S16 blind-index rotation: " + first);
        assertThat(first.reindexed()).as("indexes rebuilt (this case file's at least)").isPositive();
        assertThat(first.receiptsWaiting()).as("this request's code waits for its person").isPositive();
        assertThat(first.finished()).isFalse();
        assertThat(As.user(ADMIN, Roles.ADMIN, () -> keys.status().indexKeys())).as("the old key stays").isEqualTo(2);

        String nameIndexNow = sql.string("select legal_name_index from casefile where id = ?", id);
        assertThat(nameIndexNow).isNotEqualTo(nameIndexBefore).isEqualTo(cipher.blindIndex(name));
        assertThat(sql.count("select count(*) from casefile where erased_at is null and legal_name_index = ?",
                nameIndexBefore)).as("no index of this name under the old key").isZero();
        CaseFileService.CasePage found = As.user(IVAN, Roles.CASEWORKER, () -> caseFiles.search(
                new CaseQuery(null, null, name.toUpperCase(java.util.Locale.ROOT), null, null, null, null, false, 0,
                        20)));
        assertThat(found.rows()).extracting(org.continuum.casefile.control.CaseSummary::id).containsExactly(id);
        assertThat(gate.check(tokenBefore).valid()).as("a form opened before the rotation can still be sent").isTrue();

        // The code is not kept: its index is still the old key's until the person uses it.
        assertThat(sql.string("select receipt_index from mail_intake where id = ?", request)).isEqualTo(receiptBefore);
        assertThat(publicRequests.status(code, address)).as("the code still brings the person back").isPresent();
        assertThat(sql.string("select receipt_index from mail_intake where id = ?", request))
                .isNotEqualTo(receiptBefore).isEqualTo(receipts.index(digits).value());
        assertThat(sql.longValue("select receipt_index_key from mail_intake where id = ?", request))
                .isEqualTo((long) cipher.primaryIndexKey());
        assertThat(publicRequests.status(code, address)).isPresent();

        stepUp();
        KeyAdministration.Reindexed second = As.user(ADMIN, Roles.ADMIN, () -> keys.rotateIndex());
        System.out.println("S16 blind-index rotation, again: " + second);
        assertThat(second.resumed()).isTrue();
        assertThat(second.receiptsWaiting()).as("one code fewer waits").isEqualTo(first.receiptsWaiting() - 1);
        assertThat(second.finished()).isEqualTo(second.receiptsWaiting() == 0);
        assertThat(As.user(ADMIN, Roles.ADMIN, () -> keys.status().indexKeys()))
                .isEqualTo(second.finished() ? 1 : 2);
        assertThat(sql.count("select count(*) from audit_event where action = 'INDEX_KEYS_ROTATED'"))
                .isGreaterThanOrEqualTo(2);
    }
}
