package org.continuum.intake.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.intake.boundary.PublicRequestService;
import jakarta.servlet.http.Part;
import org.continuum.platform.control.InvalidInput;

import java.util.ArrayList;

import java.util.List;

/**
 * The receipt page ({@code /request/status.xhtml}): a person types their receipt code and sees the rough state of
 * their request and the messages of the team, and answers them. A wrong code and an unknown one get the same
 * answer. The code is never written back into the page or its address: the answer form carries a short-lived
 * ticket instead.
 */
@Named
@RequestScoped
public class PublicStatusView {

    @Inject
    PublicRequestService service;

    @Inject
    PublicPage page;

    private String code;
    private String ticket;
    private String answer;
    private List<Part> files = new ArrayList<>();
    private PublicRequestService.Found found;
    private boolean unknown;
    private boolean answered;
    private List<String> problems = List.of();

    public void check() {
        try {
            service.status(code, page.clientAddress()).ifPresentOrElse(f -> found = f, () -> unknown = true);
        } catch (InvalidInput refused) {
            problems = page.translate(refused.messageKeys());
        }
        code = null;
    }

    public void answer() {
        try {
            found = service.answer(ticket, answer, page.attachments(files), page.clientAddress());
            answered = true;
            answer = null;
        } catch (InvalidInput refused) {
            problems = page.translate(refused.messageKeys());
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTicket() {
        return found == null ? ticket : found.ticket();
    }

    public void setTicket(String ticket) {
        this.ticket = ticket;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public List<Part> getFiles() {
        return files;
    }

    public void setFiles(List<Part> files) {
        this.files = files;
    }

    public PublicRequestService.Found getFound() {
        return found;
    }

    public boolean isUnknown() {
        return unknown;
    }

    public boolean isAnswered() {
        return answered;
    }

    /** The answer form stays while its ticket does: after a refusal (too long, empty) the text is kept. */
    public boolean isAnswering() {
        return getTicket() != null && (found == null ? !problems.isEmpty() : found.canAnswer());
    }

    public List<String> getProblems() {
        return problems;
    }
}
