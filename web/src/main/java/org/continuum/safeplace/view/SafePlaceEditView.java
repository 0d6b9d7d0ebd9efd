package org.continuum.safeplace.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.platform.view.Messages;
import org.continuum.reference.boundary.ReferenceData;
import org.continuum.safeplace.boundary.SafePlaceService;
import org.continuum.safeplace.entity.SafePlaceKind;
import org.continuum.safeplace.entity.Vetting;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** An administrator registers a safe place or changes it (vetting, capacity, whether it is offered). */
@Named
@ViewScoped
public class SafePlaceEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SafePlaceService safePlaces;

    @Inject
    ReferenceData reference;

    private String id;
    private Long placeId;
    private String name;
    private SafePlaceKind kind;
    private String country;
    private String area;
    private String address;
    private String contact;
    private String openingHours;
    private Vetting vetting = Vetting.PENDING;
    private LocalDate vettedOn;
    private boolean affirming;
    private Integer capacity = 1;
    private Long networkId;
    private boolean active = true;
    private List<ReferenceData.PartnerOption> networks = List.of();

    public void load() {
        networks = reference.partners();
        if (id == null || id.isBlank()) {
            return;
        }
        ViewActions.load("safePlace.unknown", id, placeKey -> {
            SafePlaceService.PlaceForm f = safePlaces.form(placeKey);
            placeId = f.id();
            name = f.name();
            kind = f.kind();
            country = f.country();
            area = f.area();
            address = f.address();
            contact = f.contact();
            openingHours = f.openingHours();
            vetting = f.vetting();
            vettedOn = f.vettedOn();
            affirming = f.affirming();
            capacity = f.capacity();
            active = f.active();
            networkId = f.networkId();
        });
    }

    public void save() throws IOException {
        ViewActions.run(() -> {
            safePlaces.save(new SafePlaceService.PlaceForm(placeId, name, kind, country, area, address, contact,
                    openingHours, vetting, vettedOn, affirming, capacity, networkId, active));
            Messages.info("safePlace.saved");
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/app/safe-places.xhtml");
        });
    }

    public SafePlaceKind[] getKinds() {
        return SafePlaceKind.values();
    }

    public Vetting[] getVettings() {
        return Vetting.values();
    }

    public boolean isExisting() {
        return placeId != null;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public SafePlaceKind getKind() {
        return kind;
    }

    public void setKind(SafePlaceKind kind) {
        this.kind = kind;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = area;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getOpeningHours() {
        return openingHours;
    }

    public void setOpeningHours(String openingHours) {
        this.openingHours = openingHours;
    }

    public Vetting getVetting() {
        return vetting;
    }

    public void setVetting(Vetting vetting) {
        this.vetting = vetting;
    }

    public LocalDate getVettedOn() {
        return vettedOn;
    }

    public void setVettedOn(LocalDate vettedOn) {
        this.vettedOn = vettedOn;
    }

    public boolean isAffirming() {
        return affirming;
    }

    public void setAffirming(boolean affirming) {
        this.affirming = affirming;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<ReferenceData.PartnerOption> getNetworks() {
        return networks;
    }

    public Long getNetworkId() {
        return networkId;
    }

    public void setNetworkId(Long networkId) {
        this.networkId = networkId;
    }
}
