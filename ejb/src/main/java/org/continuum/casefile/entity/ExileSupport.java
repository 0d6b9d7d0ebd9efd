package org.continuum.casefile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.continuum.reference.entity.Partner;

/** Support in exile after arrival: how many check-ins were held, and the local partner the person was handed to. */
@Embeddable
public class ExileSupport {

    @Column(name = "check_ins_done", nullable = false)
    private int checkInsDone;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "handover_partner_id")
    private Partner handoverPartner;

    protected ExileSupport() {
    }

    private ExileSupport(int checkInsDone, Partner handoverPartner) {
        this.checkInsDone = checkInsDone;
        this.handoverPartner = handoverPartner;
    }

    static ExileSupport none() {
        return new ExileSupport(0, null);
    }

    /** One more check-in; a handover named now replaces the earlier one, none keeps it. */
    ExileSupport checkedIn(Partner handover) {
        return new ExileSupport(checkInsDone + 1, handover != null ? handover : handoverPartner);
    }

    public int checkInsDone() {
        return checkInsDone;
    }

    public Partner handoverPartner() {
        return handoverPartner;
    }
}
