package org.continuum.protection.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.platform.view.Messages;
import org.continuum.protection.boundary.RelocationService;

import java.time.LocalDate;
import java.time.ZoneOffset;

import java.io.Serializable;

/** Arrival or calling off of a relocation ({@code app/tasks/confirm-arrival.xhtml}). */
@Named
@ViewScoped
public class ConfirmArrivalTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    RelocationService relocations;

    private Boolean arrived;
    private LocalDate arrivedOn;

    public void load() {
        form.load(TaskKind.CONFIRM_ARRIVAL);
    }

    public void complete() {
        if (arrived == null) {
            Messages.error("relocation.arrived.required");
            return;
        }
        form.complete(() -> relocations.confirmArrival(form.id(), arrived,
                arrivedOn == null ? null : arrivedOn.atStartOfDay(ZoneOffset.UTC).toInstant(), form.getNote()));
    }

    public Boolean getArrived() {
        return arrived;
    }

    public void setArrived(Boolean arrived) {
        this.arrived = arrived;
    }

    public LocalDate getArrivedOn() {
        return arrivedOn;
    }

    public void setArrivedOn(LocalDate arrivedOn) {
        this.arrivedOn = arrivedOn;
    }

    public TaskForm getForm() {
        return form;
    }
}
