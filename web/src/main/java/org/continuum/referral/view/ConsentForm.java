package org.continuum.referral.view;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What the consent form of the referral desk holds: a partner, the fields, granted or withdrawn. */
public class ConsentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long partnerId;
    private List<String> fields = new ArrayList<>();
    private boolean granted = true;

    public Long getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(Long partnerId) {
        this.partnerId = partnerId;
    }

    public List<String> getFields() {
        return fields;
    }

    public void setFields(List<String> fields) {
        this.fields = fields;
    }

    public boolean isGranted() {
        return granted;
    }

    public void setGranted(boolean granted) {
        this.granted = granted;
    }
}
