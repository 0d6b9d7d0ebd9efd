package org.continuum.document.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import org.continuum.document.entity.CaseDocument;
import org.continuum.security.control.SealedValues;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The documents kept with case files and requests, as a collection: lists never load the content. */
@ApplicationScoped
public class CaseDocuments {

    /** A document as a list shows it (no content). */
    public record Listed(long id, CaseDocument.Kind kind, CaseDocument.Source source, String fileName,
                         String description, String contentType, long sizeBytes, String uploadedBy,
                         Instant uploadedAt) implements Serializable {
        @Override
        public String toString() {
            return "Listed[" + id + "," + kind + "]";
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SealedValues sealed;

    public void add(CaseDocument document) {
        em.persist(document);
    }

    public Optional<CaseDocument> find(long id) {
        return Optional.ofNullable(em.find(CaseDocument.class, id));
    }

    public List<Listed> ofCase(long caseFileId) {
        return opened(em.createQuery("select new org.continuum.document.control.CaseDocuments$Listed(d.id, d.kind,"
                        + " d.source, d.fileName, d.description, d.contentType, d.sizeBytes, d.uploadedBy,"
                        + " d.uploadedAt) from CaseDocument d where d.caseFileId = :c order by d.uploadedAt, d.id",
                Listed.class).setParameter("c", caseFileId).getResultList());
    }

    /** The documents that came with a request (listed in the queue before it is registered). */
    public List<Listed> ofRequest(long requestId) {
        return opened(em.createQuery("select new org.continuum.document.control.CaseDocuments$Listed(d.id, d.kind,"
                        + " d.source, d.fileName, d.description, d.contentType, d.sizeBytes, d.uploadedBy,"
                        + " d.uploadedAt) from CaseDocument d where d.requestId = :r order by d.uploadedAt, d.id",
                Listed.class).setParameter("r", requestId).getResultList());
    }

    /**
     * The list reads name and description as stored (the content stays unread): each is opened here with its row,
     * the place it is bound to.
     */
    private List<Listed> opened(List<Listed> stored) {
        return stored.stream().map(d -> new Listed(d.id(), d.kind(), d.source(),
                sealed.open("case_document", "file_name_enc", d.id(), d.fileName()),
                sealed.open("case_document", "description_enc", d.id(), d.description()), d.contentType(),
                d.sizeBytes(), d.uploadedBy(), d.uploadedAt())).toList();
    }

    public long bytesOfCase(long caseFileId) {
        return em.createQuery("select coalesce(sum(d.sizeBytes), 0) from CaseDocument d where d.caseFileId = :c",
                Long.class).setParameter("c", caseFileId).getSingleResult();
    }

    public long countOfRequest(long requestId) {
        return em.createQuery("select count(d) from CaseDocument d where d.requestId = :r", Long.class)
                .setParameter("r", requestId).getSingleResult();
    }

    /** The request became a case file: its documents move to the case. */
    public int joinCase(long requestId, long caseFileId) {
        return em.createQuery("update CaseDocument d set d.caseFileId = :c where d.requestId = :r")
                .setParameter("c", caseFileId).setParameter("r", requestId).executeUpdate();
    }
}
