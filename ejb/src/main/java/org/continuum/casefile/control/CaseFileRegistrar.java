package org.continuum.casefile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.CaseReference;
import org.continuum.identity.entity.Team;
import org.continuum.platform.control.InvalidInput;
import org.continuum.security.control.FieldCipher;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * Opens a case file and starts its process in one transaction: either both exist or neither does. Used by the
 * intake boundary and by the demo seed, so every case file is born the same way.
 */
@ApplicationScoped
public class CaseFileRegistrar {

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseNumbers numbers;

    @Inject
    FieldCipher cipher;

    @Inject
    CaseWorkflow workflow;


    @Inject
    CaseEvents events;


    private final Clock clock = Clock.systemUTC();

    public CaseFile register(IntakeRequest request, Team team, String actor) {
        // Persisted, not yet written: its id comes from the sequence, so the process starts with it, and the row is
        // inserted once with its process instance (the first audit row's insert writes it). Flushed before the
        // start, it was written twice, and every write of a case file row changes each of its list indexes (P1).
        CaseFile caseFile = persisted(request, team, actor, Instant.now(clock));
        String processInstanceId = workflow.start(new CaseWorkflow.CaseStart(caseFile.getId(),
                caseFile.getReference(), team.getCode(), TriageDeadlines.forUrgency(caseFile.getUrgency())));
        caseFile.attachProcess(processInstanceId);
        events.record(caseFile, actor, CaseEventKind.INTAKE_REGISTERED,
                "channel=" + caseFile.getChannel() + " urgency=" + caseFile.getUrgency(), null,
                AuditAction.CASE_CREATED, "channel=" + caseFile.getChannel());
        return caseFile;
    }

    /**
     * The case file alone, opened at {@code at}: the request checked, the legal name's blind index computed, a
     * reference of that year given, the row stored. No process and no timeline entry yet: {@link #register} adds
     * them now; the data generator adds them at the wait state and the date its story has reached.
     */
    public CaseFile open(IntakeRequest request, Team team, String actor, Instant at) {
        CaseFile caseFile = persisted(request, team, actor, at);
        em.flush();
        return caseFile;
    }

    /** {@link #open}, the row not written yet (it is at the next flush). */
    private CaseFile persisted(IntakeRequest request, Team team, String actor, Instant at) {
        CaseFile.Requester requester;
        CaseFile.Intake intake;
        try {
            requester = new CaseFile.Requester(request.pseudonym(), request.legalName(),
                    request.legalName() == null ? null : cipher.blindIndex(request.legalName()),
                    request.contact(), request.location());
            intake = new CaseFile.Intake(request.situation(), request.country(), request.languages(),
                    request.requestType(), request.urgency(), request.channel(), request.consentStorage());
        } catch (IllegalArgumentException | NullPointerException rejected) {
            throw new InvalidInput(rejected.getMessage());
        }
        if (!intake.consentStorage()) {
            throw new InvalidInput("intake.consent.required");
        }
        String reference = CaseReference.of(Year.from(at.atZone(ZoneOffset.UTC)), numbers.next());
        CaseFile caseFile = new CaseFile(reference, requester, intake, team, actor, at);
        em.persist(caseFile);
        return caseFile;
    }
}
