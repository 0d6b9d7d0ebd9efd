package org.continuum.casefile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.continuum.reference.entity.Partner;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The relocation part of a case file's life: the scope approved at escalation, the partner and destination chosen
 * while preparing, the arrival. A value: each move returns a new one, and refuses what the field would not accept.
 */
@Embeddable
public class Relocation {

    @Enumerated(EnumType.STRING)
    @Column(name = "relocation_scope", length = 20)
    private RelocationScope scope;

    /** Who receives the person, and where: both sealed, since either can tell where a person went. */
    @Sealed(number = true)
    @Column(name = "relocation_partner_enc", length = 400)
    private String partnerId;

    @Sealed
    @Column(name = "destination_enc", length = 400)
    private String destinationCountry;

    @Column(name = "arrived_at")
    private Instant arrivedAt;

    protected Relocation() {
    }

    private Relocation(RelocationScope scope, Long partnerId, String destinationCountry, Instant arrivedAt) {
        this.scope = scope;
        this.partnerId = SealedRecord.text(partnerId);
        this.destinationCountry = destinationCountry;
        this.arrivedAt = arrivedAt;
    }

    static Relocation none() {
        return new Relocation();
    }

    Relocation approved(RelocationScope approvedScope) {
        return new Relocation(Objects.requireNonNull(approvedScope), partnerId(), destinationCountry, arrivedAt);
    }

    /** The escalation was refused or the relocation called off: no scope any more. */
    Relocation calledOff() {
        return new Relocation(null, partnerId(), destinationCountry, arrivedAt);
    }

    /** A partner and a destination, which must differ from the country of danger unless the move is internal. */
    Relocation prepared(Partner chosenPartner, String destination, String countryOfDanger) {
        if (destination == null || !Arrays.asList(Locale.getISOCountries()).contains(destination)) {
            throw new IllegalArgumentException("relocation.destination.invalid");
        }
        if (scope != RelocationScope.TEMPORARY_INTERNAL && scope != null && destination.equals(countryOfDanger)) {
            throw new IllegalArgumentException("relocation.destination.sameCountry");
        }
        return new Relocation(scope, CaseFile.idOf(chosenPartner), destination, arrivedAt);
    }

    Relocation arrived(Instant at, Instant now) {
        if (destinationCountry == null) {
            throw new IllegalStateException("relocation.notPrepared");
        }
        if (at == null || at.isAfter(now)) {
            throw new IllegalArgumentException("relocation.arrival.invalid");
        }
        return new Relocation(scope, partnerId(), destinationCountry, at);
    }

    public RelocationScope scope() {
        return scope;
    }

    public Long partnerId() {
        return SealedRecord.number(partnerId);
    }

    public String destinationCountry() {
        return destinationCountry;
    }

    public Instant arrivedAt() {
        return arrivedAt;
    }
}
