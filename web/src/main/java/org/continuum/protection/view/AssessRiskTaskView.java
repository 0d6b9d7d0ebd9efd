package org.continuum.protection.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.protection.boundary.ProtectionService;

import java.io.Serializable;

/** The risk assessment form ({@code app/tasks/assess-risk.xhtml}): level and structured analysis. */
@Named
@ViewScoped
public class AssessRiskTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    ProtectionService protection;

    private final RiskForm riskForm = new RiskForm();

    public void load() {
        if (form.load(TaskKind.ASSESS_RISK)) {
            riskForm.setRiskLevel(form.getTask().riskLevel());
        }
    }

    public void complete() {
        form.complete(() -> protection.assessRisk(form.id(), riskForm.assessment(form.getNote())));
    }

    public RiskForm getRiskForm() {
        return riskForm;
    }

    public TaskForm getForm() {
        return form;
    }
}
