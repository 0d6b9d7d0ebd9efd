package org.continuum.report.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.audit.boundary.AuditQuery;
import org.continuum.audit.control.AuditChainVerifier;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;
import org.continuum.report.boundary.AuditChainHeads;

import java.io.Serializable;

/** The audit chain on the audit page: the check (with an exported head, if given) and, for auditors, the export. */
@Named
@ViewScoped
public class AuditChainView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditQuery audit;

    @Inject
    AuditChainHeads heads;

    private String exportedHead;
    private AuditChainVerifier.Result chain;

    public void verify() {
        ViewActions.run(() -> chain = audit.verifyChain(exportedHead));
    }

    /** Walks the chain and exports its head now, as the server does daily. */
    public void exportHead() {
        if (ViewActions.run(() -> chain = heads.export())) {
            Messages.info("audit.chain.exported");
        }
    }

    public AuditChainVerifier.Result getChain() {
        return chain;
    }

    public String getExportedHead() {
        return exportedHead;
    }

    public void setExportedHead(String exportedHead) {
        this.exportedHead = exportedHead;
    }
}
