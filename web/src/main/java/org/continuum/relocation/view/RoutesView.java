package org.continuum.relocation.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;
import org.continuum.relocation.boundary.RouteService;
import org.continuum.relocation.entity.ChecklistAnswer;
import org.continuum.relocation.entity.ChecklistItem;
import org.continuum.relocation.entity.Dependant;
import org.continuum.relocation.entity.RouteApplication;
import org.continuum.relocation.entity.TravelDocument;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The relocation routes of one case ({@code app/routes.xhtml?case=}): the country's situation, the programmes with
 * their checklist and places, the application and its steps, the family members and the travel documents. Every
 * action goes through {@link RouteService}, which checks need to know and audits.
 */
@Named
@ViewScoped
public class RoutesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RouteService routes;

    @Inject
    org.continuum.reference.boundary.ReferenceData reference;

    private Map<String, String> partnerNames;

    private String caseId;
    private RouteService.Desk desk;

    // The programme chosen and its checklist answers.
    private Long programmeId;
    private final List<Answer> answers = new ArrayList<>();
    private String applicationNote;

    // The next step of the application on its way.
    private RouteApplication.Step step;
    private LocalDate travelDate;
    private String stepNote;

    // A family member.
    private String dependantName;
    private Dependant.Relationship relationship;
    private Integer birthYear;
    private boolean travelling = true;

    // A travel document.
    private Long documentId;
    private Long holderId;
    private TravelDocument.Kind documentKind;
    private String issuingCountry;
    private String documentNumber;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private TravelDocument.Status documentStatus;

    public void load() {
        if (!ViewActions.load("case.notAvailable", caseId, id -> desk = routes.desk(id))) {
            desk = null;
        }
    }

    private boolean run(Runnable action, String done) {
        if (desk == null) {
            return false;
        }
        try {
            action.run();
            Messages.info(done);
            load();
            return true;
        } catch (InvalidInput refused) {
            Messages.errors(refused.messageKeys());
        } catch (CaseAccessDenied denied) {
            Messages.error("case.notAvailable");
        }
        return false;
    }

    /** Shows the checklist of the chosen programme, every item unanswered. */
    public void choose() {
        answers.clear();
        if (desk == null || programmeId == null) {
            return;
        }
        chosen().ifPresent(p -> p.checklist().forEach(item -> answers.add(new Answer(item))));
    }

    public java.util.Optional<RouteService.ProgrammeCard> chosen() {
        return desk == null || programmeId == null ? java.util.Optional.empty()
                : desk.programmes().stream().filter(p -> p.id() == programmeId).findFirst();
    }

    public RouteService.ProgrammeCard getChosenProgramme() {
        return chosen().orElse(null);
    }

    public void submit() {
        Map<ChecklistItem, ChecklistAnswer> given = new EnumMap<>(ChecklistItem.class);
        Map<ChecklistItem, String> notes = new EnumMap<>(ChecklistItem.class);
        answers.forEach(a -> {
            if (a.getAnswer() != null) {
                given.put(a.getItem(), a.getAnswer());
            }
            if (a.getNote() != null && !a.getNote().isBlank()) {
                notes.put(a.getItem(), a.getNote());
            }
        });
        if (run(() -> routes.submit(desk.caseFileId(), new RouteService.Submission(programmeId, given, notes,
                applicationNote)), "route.submitted")) {
            programmeId = null;
            answers.clear();
            applicationNote = null;
        }
    }

    public void move(long applicationId) {
        if (run(() -> routes.move(applicationId, step, travelDate, stepNote), "route.moved")) {
            step = null;
            travelDate = null;
            stepNote = null;
        }
    }

    public void addDependant() {
        if (run(() -> routes.addDependant(desk.caseFileId(), new RouteService.DependantInput(dependantName,
                relationship, birthYear, travelling)), "dependant.added")) {
            dependantName = null;
            relationship = null;
            birthYear = null;
            travelling = true;
        }
    }

    public void toggleTravelling(long dependantId, boolean travels) {
        run(() -> routes.setTravelling(dependantId, travels), "dependant.changed");
    }

    public void recordDocument() {
        if (run(() -> routes.recordDocument(desk.caseFileId(), new RouteService.DocumentInput(documentId, holderId,
                documentKind, issuingCountry, documentNumber, validFrom, validUntil, documentStatus)),
                "travelDocument.recorded")) {
            clearDocument();
        }
    }

    /** Fills the document form with a recorded document, to correct it. */
    public void edit(RouteService.DocumentRow row) {
        documentId = row.id();
        holderId = row.dependantId();
        documentKind = row.kind();
        issuingCountry = row.issuingCountry();
        documentNumber = row.number();
        validFrom = row.validFrom();
        validUntil = row.validUntil();
        documentStatus = row.status();
    }

    public void clearDocument() {
        documentId = null;
        holderId = null;
        documentKind = null;
        issuingCountry = null;
        documentNumber = null;
        validFrom = null;
        validUntil = null;
        documentStatus = null;
    }

    /** Who may refer to a programme: "directly" or the partners' names. */
    public String referrers(List<String> through) {
        if (partnerNames == null) {
            partnerNames = new java.util.HashMap<>();
            reference.partners().forEach(p -> partnerNames.put(p.code(), p.name()));
        }
        return String.join(", ", through.stream().map(r -> org.continuum.relocation.entity.Programme.DIRECT.equals(r)
                ? Messages.text("route.direct") : partnerNames.getOrDefault(r, r)).toList());
    }

    /** The programme's required documents in words. */
    public String documentsText(List<String> codes) {
        return String.join(", ", codes.stream().map(c -> Messages.textOr("requiredDocument." + c, c)).toList());
    }

    /** The application on its way with a step staff can record, if any (one at a time per case). */
    public RouteService.ApplicationRow getWaiting() {
        return desk == null ? null : desk.applications().stream().filter(a -> !a.nextSteps().isEmpty())
                .findFirst().orElse(null);
    }

    /** One answered checklist item of an application, with its note. */
    public record Answered(ChecklistItem item, ChecklistAnswer answer, String note) {
    }

    /** The application's checklist answers in the items' order, each with its note. */
    public List<Answered> answered(RouteService.ApplicationRow row) {
        return row.answers().entrySet().stream()
                .map(e -> new Answered(e.getKey(), e.getValue(), row.itemNotes().get(e.getKey()))).toList();
    }

    public boolean isFlagged() {
        return desk != null && desk.documents().stream().anyMatch(d -> d.expiry() != null);
    }

    /** One checklist item and its answer on the form. */
    public static class Answer implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ChecklistItem item;
        private ChecklistAnswer answer;
        private String note;

        Answer(ChecklistItem item) {
            this.item = item;
        }

        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
        public ChecklistItem getItem() { return item; }
        public ChecklistAnswer getAnswer() { return answer; }
        public void setAnswer(ChecklistAnswer answer) { this.answer = answer; }
    }

    public ChecklistAnswer[] getAnswerValues() { return ChecklistAnswer.values(); }
    public RouteApplication.Step[] getSteps() { return RouteApplication.Step.values(); }
    public Dependant.Relationship[] getRelationships() { return Dependant.Relationship.values(); }
    public TravelDocument.Kind[] getDocumentKinds() { return TravelDocument.Kind.values(); }
    public TravelDocument.Status[] getDocumentStatuses() { return TravelDocument.Status.values(); }

    public String getCaseId() { return caseId; }
    public void setCaseId(String caseId) { this.caseId = caseId; }
    public RouteService.Desk getDesk() { return desk; }
    public Long getProgrammeId() { return programmeId; }
    public void setProgrammeId(Long programmeId) { this.programmeId = programmeId; }
    public List<Answer> getAnswers() { return answers; }
    public String getApplicationNote() { return applicationNote; }
    public void setApplicationNote(String applicationNote) { this.applicationNote = applicationNote; }
    public RouteApplication.Step getStep() { return step; }
    public void setStep(RouteApplication.Step step) { this.step = step; }
    public LocalDate getTravelDate() { return travelDate; }
    public void setTravelDate(LocalDate travelDate) { this.travelDate = travelDate; }
    public String getStepNote() { return stepNote; }
    public void setStepNote(String stepNote) { this.stepNote = stepNote; }
    public String getDependantName() { return dependantName; }
    public void setDependantName(String dependantName) { this.dependantName = dependantName; }
    public Dependant.Relationship getRelationship() { return relationship; }
    public void setRelationship(Dependant.Relationship relationship) { this.relationship = relationship; }
    public Integer getBirthYear() { return birthYear; }
    public void setBirthYear(Integer birthYear) { this.birthYear = birthYear; }
    public boolean isTravelling() { return travelling; }
    public void setTravelling(boolean travelling) { this.travelling = travelling; }
    public Long getDocumentId() { return documentId; }
    public Long getHolderId() { return holderId; }
    public void setHolderId(Long holderId) { this.holderId = holderId; }
    public TravelDocument.Kind getDocumentKind() { return documentKind; }
    public void setDocumentKind(TravelDocument.Kind documentKind) { this.documentKind = documentKind; }
    public String getIssuingCountry() { return issuingCountry; }
    public void setIssuingCountry(String issuingCountry) { this.issuingCountry = issuingCountry; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String documentNumber) { this.documentNumber = documentNumber; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public TravelDocument.Status getDocumentStatus() { return documentStatus; }
    public void setDocumentStatus(TravelDocument.Status documentStatus) { this.documentStatus = documentStatus; }
}
