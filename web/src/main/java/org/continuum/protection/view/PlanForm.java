package org.continuum.protection.view;

import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.boundary.MeasureRow;
import org.continuum.protection.boundary.MeasureChange;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.reference.boundary.ReferenceData;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protection plan as the plan and reassessment forms change it: each measure's status, owner and what it
 * addresses, and new measures from the catalogue. Only what changed is sent. The page part is
 * {@code WEB-INF/includes/plan-measures.xhtml}.
 */
public class PlanForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private List<MeasureRow> plan = List.of();
    /** Status names by measure id: EL cannot convert map values to an enum, so they travel as names. */
    private final Map<Long, String> statuses = new HashMap<>();
    private final Map<Long, String> owners = new HashMap<>();
    /** What each measure addresses (a factor label, "" for nothing), by measure id. */
    private final Map<Long, String> addresses = new HashMap<>();
    private String newAddresses;
    private List<String> factorLabels = List.of();
    private List<String> newMeasures = new ArrayList<>();
    private List<ReferenceData.MeasureOption> measureTypes = List.of();

    public void load(ProtectionService protection, ReferenceData reference, long caseFileId) {
        plan = protection.plan(caseFileId);
        factorLabels = protection.factorLabels(caseFileId);
        measureTypes = reference.measureTypes(true);
        for (MeasureRow row : plan) {
            statuses.put(row.id(), row.status().name());
            owners.put(row.id(), row.owner());
            addresses.put(row.id(), row.addresses() == null ? "" : row.addresses());
        }
    }

    /** The measures whose status, owner or addressed factor changed, and the new ones (planned). */
    public List<MeasureChange> changes() {
        List<MeasureChange> changes = new ArrayList<>();
        for (MeasureRow row : plan) {
            String name = statuses.get(row.id());
            MeasureStatus status = Arrays.stream(MeasureStatus.values())
                    .filter(st -> st.name().equals(name)).findFirst().orElse(row.status());
            String owner = owners.get(row.id());
            String addressed = addresses.get(row.id());
            boolean readdressed = addressed != null && !addressed.equals(row.addresses() == null ? ""
                    : row.addresses());
            if (status != row.status() || (owner != null && !owner.equals(row.owner())) || readdressed) {
                changes.add(new MeasureChange(row.id(), null, status, owner, row.note(),
                        readdressed ? addressed : null));
            }
        }
        newMeasures.forEach(code -> changes.add(new MeasureChange(null, code,
                MeasureStatus.PLANNED, null, null, newAddresses)));
        return changes;
    }

    /** The factors a measure may address, plus what it addresses now when that came from an older assessment. */
    public List<String> addressOptions(long measureId) {
        String current = addresses.get(measureId);
        if (current == null || current.isEmpty() || factorLabels.contains(current)) {
            return factorLabels;
        }
        List<String> options = new ArrayList<>(factorLabels);
        options.add(current);
        return options;
    }

    public List<MeasureRow> getPlan() {
        return plan;
    }

    public Map<Long, String> getStatuses() {
        return statuses;
    }

    public Map<Long, String> getOwners() {
        return owners;
    }

    public Map<Long, String> getAddresses() {
        return addresses;
    }

    public String getNewAddresses() {
        return newAddresses;
    }

    public void setNewAddresses(String newAddresses) {
        this.newAddresses = newAddresses;
    }

    public List<String> getFactorLabels() {
        return factorLabels;
    }

    public List<String> getNewMeasures() {
        return newMeasures;
    }

    public void setNewMeasures(List<String> newMeasures) {
        this.newMeasures = newMeasures;
    }

    public List<ReferenceData.MeasureOption> getMeasureTypes() {
        return measureTypes;
    }

    public MeasureStatus[] getMeasureStatuses() {
        return MeasureStatus.values();
    }
}
