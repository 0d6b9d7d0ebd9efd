package org.continuum.protection.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.reference.boundary.ReferenceData;

import java.io.Serializable;

/** The protection plan form ({@code app/tasks/plan-measures.xhtml}): local measures of steps 1 to 4. */
@Named
@ViewScoped
public class PlanMeasuresTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    ProtectionService protection;

    @Inject
    ReferenceData reference;

    private final PlanForm planForm = new PlanForm();

    public void load() {
        if (form.load(TaskKind.PLAN_MEASURES)) {
            planForm.load(protection, reference, form.caseFileId());
        }
    }

    public void complete() {
        form.complete(() -> protection.planMeasures(form.id(), planForm.changes(), form.getNote()));
    }

    public PlanForm getPlanForm() {
        return planForm;
    }

    public TaskForm getForm() {
        return form;
    }
}
