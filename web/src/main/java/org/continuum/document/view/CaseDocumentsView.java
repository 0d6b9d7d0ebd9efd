package org.continuum.document.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.continuum.document.boundary.CaseDocumentService;
import org.continuum.document.control.CaseDocuments;
import org.continuum.document.control.UploadPolicy;
import org.continuum.document.entity.CaseDocument;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;
import org.continuum.workspace.view.CaseView;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/** The case page's documents: the list (each a download link, audited) and the upload of one more. */
@Named
@ViewScoped
public class CaseDocumentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseDocumentService service;

    @Inject
    CaseView caseView;

    private Long caseFileId;
    private List<CaseDocuments.Listed> documents;
    private CaseDocument.Kind kind;
    private String description;
    private transient Part file;

    private void load() {
        if (caseFileId == null && caseView.getDetails() != null) {
            caseFileId = caseView.getDetails().id();
            ViewActions.run(() -> documents = service.list(caseFileId));
        }
    }

    public List<CaseDocuments.Listed> getDocuments() {
        load();
        return documents;
    }

    public void upload() {
        load();
        if (caseFileId == null) {
            return;
        }
        if (file == null || file.getSize() == 0) {
            Messages.error("document.fileRequired");
            return;
        }
        byte[] content;
        String name = file.getSubmittedFileName();
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes((int) UploadPolicy.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            Messages.error("document.damaged");
            return;
        }
        if (ViewActions.run(() -> service.upload(caseFileId, kind, description, name, content))) {
            Messages.info("document.uploaded");
            kind = null;
            description = null;
            documents = service.list(caseFileId);
        }
    }

    public CaseDocument.Kind[] getKinds() {
        return CaseDocument.Kind.values();
    }

    public CaseDocument.Kind getKind() {
        return kind;
    }

    public void setKind(CaseDocument.Kind kind) {
        this.kind = kind;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
