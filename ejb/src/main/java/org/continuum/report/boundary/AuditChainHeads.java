package org.continuum.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditChain;
import org.continuum.audit.control.AuditChainVerifier;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Role;
import org.continuum.notification.control.Notifier;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Principal;
import java.time.Instant;

/**
 * Exports the audit chain's head outside the database, so that rows cut off the end (or a chain rewritten from some
 * point on) are caught later: the chain is walked, and its head (position and hash) with the outcome is appended to
 * a file in {@link #DIR_PROPERTY} (default {@code <continuum.data.dir>/audit-heads}, meant for a folder the database
 * cannot reach, such as a mounted share) and mailed to every auditor through the outbox. The server does it daily
 * ({@link AuditChainHeadTimer}); an auditor can do it at any time from the audit page.
 */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.SYSTEM})
public class AuditChainHeads {

    public static final String DIR_PROPERTY = "continuum.audit.headExport.dir";
    static final String FILE = "audit-chain-heads.log";

    @Inject
    AuditChain chain;

    @Inject
    AuditTrail audit;

    @Inject
    Notifier notifier;

    @Inject
    Staff staff;

    @Inject
    Principal principal;

    /** Walks the chain, appends its head to the export file and mails it to the auditors; returns what was found. */
    public AuditChainVerifier.Result export() {
        AuditChainVerifier.Result result = chain.verify(null);
        Instant now = Instant.now();
        String line = now + " " + (result.head() == null ? "-" : result.head().toString()) + " "
                + (result.intact() ? "intact" : "BROKEN " + result.problem() + " seq=" + result.firstBrokenSeq()
                + " row=" + result.firstBrokenEventId()) + " rows=" + result.rowsChecked() + System.lineSeparator();
        Path file = folder().resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("The audit chain head could not be written to its export folder", e);
        }
        String head = result.head() == null ? null : result.head().toString();
        notifier.notify(result.intact() ? NotificationKind.AUDIT_CHAIN_HEAD : NotificationKind.AUDIT_CHAIN_BROKEN,
                null, head, staff.all().stream().filter(u -> u.hasRole(Role.AUDITOR)).toList(),
                "audit-head=" + (result.head() == null ? 0 : result.head().seq()) + "@" + now.toEpochMilli());
        audit.record(principal.getName(), AuditAction.AUDIT_CHAIN_EXPORTED, null, "head-seq="
                + (result.head() == null ? 0 : result.head().seq()) + " intact=" + result.intact()
                + " rows=" + result.rowsChecked());
        return result;
    }

    static Path folder() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String data = System.getProperty("continuum.data.dir");
        return data == null ? Path.of("audit-heads") : Path.of(data, "audit-heads");
    }
}
