package org.continuum.casefile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.continuum.reference.entity.Partner;
import org.continuum.security.control.EncryptedNumber;

/** Support in exile after arrival: how many check-ins were held, and the local partner the person was handed to. */
@Embeddable
public class ExileSupport {

    @Column(name = "check_ins_done", nullable = false)
    private int checkInsDone;

    @Convert(converter = EncryptedNumber.class)
    @Column(name = "handover_partner_enc", length = 400)
    private Long handoverPartnerId;

    protected ExileSupport() {
    }

    private ExileSupport(int checkInsDone, Long handoverPartnerId) {
        this.checkInsDone = checkInsDone;
        this.handoverPartnerId = handoverPartnerId;
    }

    static ExileSupport none() {
        return new ExileSupport(0, null);
    }

    /** One more check-in; a handover named now replaces the earlier one, none keeps it. */
    ExileSupport checkedIn(Partner handover) {
        return new ExileSupport(checkInsDone + 1, handover != null ? handover.getId() : handoverPartnerId);
    }

    public int checkInsDone() {
        return checkInsDone;
    }

    public Long handoverPartnerId() {
        return handoverPartnerId;
    }
}
