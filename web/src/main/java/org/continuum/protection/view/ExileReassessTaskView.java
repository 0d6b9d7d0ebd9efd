package org.continuum.protection.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.protection.boundary.ProtectionService;

import java.io.Serializable;

/** The reassessment in exile ({@code app/tasks/exile-reassess.xhtml}), starting from the latest factors. */
@Named
@ViewScoped
public class ExileReassessTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    ProtectionService protection;

    private final RiskForm riskForm = new RiskForm();

    public void load() {
        if (form.load(TaskKind.EXILE_REASSESS)) {
            riskForm.startFromLatest(protection, form.caseFileId());
        }
    }

    public void complete() {
        form.complete(() -> protection.exileReassess(form.id(), riskForm.assessment(form.getNote())));
    }

    public RiskForm getRiskForm() {
        return riskForm;
    }

    public TaskForm getForm() {
        return form;
    }
}
