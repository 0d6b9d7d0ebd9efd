package org.continuum.reference.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.reference.boundary.PartnerDirectory;

import java.io.Serializable;
import java.util.List;

/** The partner directory: what each organisation offers, to whom, in which languages, and the limits it states. */
@Named
@ViewScoped
public class PartnersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PartnerDirectory directory;

    private List<PartnerDirectory.PartnerForm> partners;

    public void load() {
        partners = directory.list();
    }

    public List<PartnerDirectory.PartnerForm> getPartners() {
        return partners;
    }
}
