package org.continuum.relocation.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.view.Messages;
import org.continuum.relocation.boundary.ProgrammeService;

import java.io.Serializable;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * The coordinators' page of relocation programmes ({@code app/programmes.xhtml}): places per programme for a year
 * (allocated, reserved, used, remaining), the allocation form and the applications waiting.
 */
@Named
@ViewScoped
public class ProgrammesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProgrammeService programmes;

    private Integer year = Year.now(ZoneOffset.UTC).getValue();
    private ProgrammeService.Quotas quotas;
    private Long programmeId;
    private Integer places;
    private String reason;

    public void load() {
        try {
            quotas = programmes.quotas(year == null ? Year.now(ZoneOffset.UTC).getValue() : year);
        } catch (InvalidInput refused) {
            Messages.errors(refused.messageKeys());
            quotas = null;
        }
    }

    public void allocate() {
        try {
            programmes.allocate(programmeId == null ? -1 : programmeId, year, places, reason);
            Messages.info("programme.allocation.saved");
            programmeId = null;
            places = null;
            reason = null;
        } catch (InvalidInput refused) {
            Messages.errors(refused.messageKeys());
        }
        load();
    }

    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public ProgrammeService.Quotas getQuotas() { return quotas; }
    public Long getProgrammeId() { return programmeId; }
    public void setProgrammeId(Long programmeId) { this.programmeId = programmeId; }
    public Integer getPlaces() { return places; }
    public void setPlaces(Integer places) { this.places = places; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
