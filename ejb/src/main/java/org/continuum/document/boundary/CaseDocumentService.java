package org.continuum.document.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.control.Caller;
import org.continuum.identity.entity.UserAccount;
import org.continuum.document.control.CaseDocuments;
import org.continuum.document.control.UploadPolicy;
import org.continuum.document.entity.CaseDocument;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.time.Instant;
import java.util.List;

/**
 * Documents kept with a case file: staff upload them (checked by {@link UploadPolicy}, sealed, on the timeline
 * without the name), list them (never embedded: a dossier lists them too) and download them, each download audited.
 * Everything goes through the need-to-know check of the case.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
public class CaseDocumentService {

    /** A document to hand to the person who downloads it. */
    public record Download(String fileName, String contentType, byte[] content) {
        @Override
        public String toString() {
            return "Download[" + contentType + "," + content.length + "]";
        }
    }

    @Inject
    Caller currentCaller;

    @Inject
    CaseGuard guard;

    @Inject
    CaseDocuments documents;

    @Inject
    CaseEvents events;

    @Inject
    AuditTrail audit;

    public List<CaseDocuments.Listed> list(long caseFileId) {
        guard.open(currentCaller.account(), caseFileId, AuditAction.CASE_VIEWED);
        return documents.ofCase(caseFileId);
    }

    public long upload(long caseFileId, CaseDocument.Kind kind, String description, String fileName, byte[] content) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.DOCUMENT_UPLOADED);
        if (kind == null) {
            throw new InvalidInput("document.kindRequired");
        }
        UploadPolicy.Checked checked = UploadPolicy.check(fileName, content);
        if (documents.bytesOfCase(caseFileId) + checked.content().length > UploadPolicy.MAX_CASE_BYTES) {
            throw new InvalidInput("document.caseFull");
        }
        CaseDocument document = InvalidInput.whenRefused(() -> CaseDocument.ofCase(caseFileId, kind, checked,
                description, caller.getUsername(), Instant.now()));
        documents.add(document);
        events.record(caseFile, caller.getUsername(), CaseEventKind.DOCUMENT_ADDED, "kind=" + kind.name(), null,
                AuditAction.DOCUMENT_UPLOADED, "document=" + document.getId() + " type=" + checked.type());
        return document.getId();
    }

    public Download download(long documentId) {
        UserAccount caller = currentCaller.account();
        CaseDocument document = documents.find(documentId).orElse(null);
        if (document == null || document.getCaseFileId() == null) {
            audit.recordIndependently(caller.getUsername(), AuditAction.DOCUMENT_DOWNLOADED, null,
                    AuditOutcome.DENIED, "not-found document=" + documentId);
            throw new CaseAccessDenied();
        }
        guard.open(caller, document.getCaseFileId(), AuditAction.DOCUMENT_DOWNLOADED);
        audit.record(caller.getUsername(), AuditAction.DOCUMENT_DOWNLOADED, document.getCaseFileId(),
                "document=" + documentId);
        return new Download(document.getFileName(), document.getContentType(), document.content());
    }
}
