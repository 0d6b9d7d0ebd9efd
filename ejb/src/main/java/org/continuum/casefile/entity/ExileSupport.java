package org.continuum.casefile.entity;

import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.continuum.reference.entity.Partner;

/** Support in exile after arrival: how many check-ins were held, and the local partner the person was handed to. */
@Embeddable
public class ExileSupport {

    @Column(name = "check_ins_done", nullable = false)
    private int checkInsDone;

    @Sealed(number = true)
    @Column(name = "handover_partner_enc", length = 400)
    private String handoverPartnerId;

    protected ExileSupport() {
    }

    private ExileSupport(int checkInsDone, Long handoverPartnerId) {
        this.checkInsDone = checkInsDone;
        this.handoverPartnerId = SealedRecord.text(handoverPartnerId);
    }

    static ExileSupport none() {
        return new ExileSupport(0, null);
    }

    /** One more check-in; a handover named now replaces the earlier one, none keeps it. */
    ExileSupport checkedIn(Partner handover) {
        return new ExileSupport(checkInsDone + 1, handover != null ? handover.getId() : handoverPartnerId());
    }

    public int checkInsDone() {
        return checkInsDone;
    }

    public Long handoverPartnerId() {
        return SealedRecord.number(handoverPartnerId);
    }
}
