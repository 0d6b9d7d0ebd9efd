package org.continuum.intake.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.intake.boundary.PublicRequestService;
import org.continuum.platform.control.InvalidInput;

import java.util.List;

/**
 * The receipt page ({@code /request/status.xhtml}): a person types their receipt code and sees the rough state of
 * their request. A wrong code and an unknown one get the same answer. The code is not kept in the page it answers
 * with, nor in its address.
 */
@Named
@RequestScoped
public class PublicStatusView {

    @Inject
    PublicRequestService service;

    @Inject
    PublicPage page;

    private String code;
    private String state;
    private boolean unknown;
    private List<String> problems = List.of();

    public void check() {
        try {
            service.status(code, page.clientAddress()).ifPresentOrElse(s -> state = s.name(), () -> unknown = true);
        } catch (InvalidInput refused) {
            problems = page.translate(refused.messageKeys());
        }
        code = null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getState() {
        return state;
    }

    public boolean isUnknown() {
        return unknown;
    }

    public List<String> getProblems() {
        return problems;
    }
}
