package org.continuum.security.control;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row of a case file with sealed fields, for {@link SealingListenerTest}. */
@Entity
@Table(name = "sealed_note")
public class SealedNote implements SealedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sealed_note_ids")
    @SequenceGenerator(name = "sealed_note_ids", sequenceName = "sealed_note_ids", allocationSize = 50)
    Long id;

    @Column(name = "casefile_id")
    long caseFileId;

    @Sealed
    @Column(name = "secret_enc")
    String secret;

    @Sealed(number = true)
    @Column(name = "partner_enc")
    String partner;

    @Column(name = "title")
    String title;

    @Embedded
    Part part;

    @Version
    long version;

    /** An embedded value with a sealed field of its own. */
    @Embeddable
    public static class Part {
        @Sealed
        @Column(name = "inner_enc")
        String inner;

        public Part() {
        }

        Part(String inner) {
            this.inner = inner;
        }
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
