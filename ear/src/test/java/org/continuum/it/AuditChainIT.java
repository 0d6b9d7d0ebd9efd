package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.continuum.audit.boundary.AuditQuery;
import org.continuum.audit.control.AuditChainVerifier;
import org.continuum.casefile.entity.Urgency;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.platform.control.Roles;
import org.continuum.report.boundary.AuditChainHeads;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S15: the audit chain finds every kind of tampering and names the first broken row. Each tampering is done on a
 * connection of its own that holds the chain's lock (so the application's appends wait a moment) and is rolled back
 * after the check, so the real trail is never left broken: changed byte, deleted row, inserted row, two rows swapped,
 * tail cut off after an exported head.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

    private static final Logger LOG = Logger.getLogger(AuditChainIT.class.getName());

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(AuditChainIT.class, IntakeIT.class, Sql.class, As.class);
    }

    @Inject
    AuditQuery audit;

    @Inject
    IntakeService intake;

    @Inject
    AuditChainHeads heads;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    /** Tampering to try on a locked connection; returns the audit row id the verifier must name (or null). */
    @FunctionalInterface
    interface Tampering {
        Long apply(Connection c, List<Long> rows) throws SQLException;
    }

    @Test
    void everyKindOfTamperingIsFoundAndTheFirstBrokenRowNamed() throws Exception {
        for (int i = 0; i < 3; i++) {
            int n = i;
            As.user("amira.caseworker", Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Chain-" + n,
                    "Цепь " + n, Urgency.STANDARD)));
        }
        AuditChainVerifier.Result clean = As.user("nadia.auditor", Roles.AUDITOR, () -> audit.verifyChain(null));
        assertThat(clean.intact()).as(String.valueOf(clean)).isTrue();
        assertThat(clean.rowsChecked()).isGreaterThan(10);
        LOG.info(() -> "S15: clean chain, " + clean.rowsChecked() + " rows checked in " + clean.millis() + " ms");

        int found = 0;
        found += expectBroken("changed byte", "row-changed", (c, rows) -> {
            long id = rows.get(rows.size() - 3);
            update(c, "update audit_event set actor = concat(actor, 'x') where id = " + id);
            return id;
        });
        found += expectBroken("deleted row", "row-deleted", (c, rows) -> {
            long id = rows.get(rows.size() - 4);
            update(c, "delete from audit_event where id = " + id);
            return id;
        });
        found += expectBroken("inserted row", "row-without-seal", (c, rows) -> {
            try (PreparedStatement ps = c.prepareStatement("insert into audit_event (occurred_at, actor, action,"
                    + " outcome, detail) values (current_timestamp, 'ghost', 'CASE_VIEWED', 'SUCCESS', 'forged')",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        found += expectBroken("swapped rows", "row-changed", (c, rows) -> {
            long first = rows.get(rows.size() - 6);
            long second = rows.get(rows.size() - 5);
            swapContents(c, first, second);
            return first;
        });
        AuditChainVerifier.Head exported = clean.head();
        found += expectBrokenAgainst("tail cut off after the exported head", "truncated-after-export", exported,
                (c, rows) -> cutTail(c, exported.seq() - 3));
        LOG.info("S15: " + found + "/5 kinds of tampering detected, the first broken row named each time");
        assertThat(found).isEqualTo(5);
        assertThat(As.user("nadia.auditor", Roles.AUDITOR, () -> audit.verifyChain(exported.toString())).intact())
                .as("every tampering was rolled back: the real chain is intact").isTrue();
    }

    @Test
    void theHeadIsExportedToAFileAndToTheAuditorsAndCatchesALaterTruncation() throws Exception {
        AuditChainVerifier.Result exported = As.user("nadia.auditor", Roles.AUDITOR, () -> heads.export());
        assertThat(exported.intact()).isTrue();
        String head = exported.head().toString();
        Path file = Path.of(System.getProperty("continuum.data.dir"), "audit-heads", "audit-chain-heads.log");
        assertThat(Files.readString(file)).contains(head + " intact");
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from notification where recipient = 'nadia.auditor'"
                + " and kind = 'AUDIT_CHAIN_HEAD' and case_reference = ?", head)).as("mailed to the auditor").isOne();
        assertThat(As.user("nadia.auditor", Roles.AUDITOR, () -> audit.verifyChain(head)).intact()).isTrue();
        assertThat(expectBrokenAgainst("tail cut off after a real export", "truncated-after-export", exported.head(),
                (c, rows) -> cutTail(c, exported.head().seq() - 3))).isOne();
        assertThatThrownBy(() -> As.user("amira.caseworker", Roles.CASEWORKER, () -> heads.export()))
                .isInstanceOf(EJBAccessException.class);
    }

    private int expectBroken(String what, String problem, Tampering tampering) throws SQLException {
        return expectBrokenAgainst(what, problem, null, tampering);
    }

    private int expectBrokenAgainst(String what, String problem, AuditChainVerifier.Head exported,
                                    Tampering tampering) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                update(c, "select id from audit_chain_lock where id = 1 for update");
                List<Long> rows = sealedRows(c);
                Long expected = tampering.apply(c, rows);
                AuditChainVerifier.Result result = AuditChainVerifier.verify(c, exported);
                LOG.info(() -> "S15 " + what + ": " + result);
                assertThat(result.intact()).as(what).isFalse();
                assertThat(result.problem()).as(what).isEqualTo(problem);
                if (expected != null) {
                    assertThat(result.firstBrokenEventId()).as(what + ": the first broken row").isEqualTo(expected);
                } else {
                    assertThat(result.firstBrokenSeq()).as(what).isEqualTo(exported.seq() - 2);
                }
                return 1;
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Cuts the chain after {@code lastKept}: the seals after it and their audit rows go. (NOT EXISTS: H2 answers a
     * NOT IN over a subquery by reading the subquery again per row, half a minute at a few thousand rows.)
     */
    private static Long cutTail(Connection c, long lastKept) throws SQLException {
        update(c, "delete from audit_seal where seq > " + lastKept);
        update(c, "delete from audit_event e where not exists (select 1 from audit_seal s where s.event_id = e.id)");
        return null;
    }

    /** Audit row ids in chain order. */
    private static List<Long> sealedRows(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select event_id from audit_seal order by seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static final List<String> CONTENT = List.of("occurred_at", "actor", "action", "casefile_id", "outcome",
            "detail");

    /** Swaps the whole content of two rows (their ids stay): as if two rows had been reordered. */
    private static void swapContents(Connection c, long first, long second) throws SQLException {
        Object[] a = contents(c, first);
        Object[] b = contents(c, second);
        write(c, first, b);
        write(c, second, a);
    }

    private static Object[] contents(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + String.join(", ", CONTENT)
                + " from audit_event where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object[] values = new Object[CONTENT.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getObject(i + 1);
                }
                return values;
            }
        }
    }

    private static void write(Connection c, long id, Object[] values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update audit_event set " + String.join(" = ?, ", CONTENT)
                + " = ? where id = ?")) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.setLong(values.length + 1, id);
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
