package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.protection.boundary.RelocationService;
import org.continuum.relocation.boundary.CountrySituation;
import org.continuum.relocation.boundary.ProgrammeService;
import org.continuum.relocation.boundary.RouteService;
import org.continuum.relocation.entity.ChecklistAnswer;
import org.continuum.relocation.entity.ChecklistItem;
import org.continuum.relocation.entity.Dependant;
import org.continuum.relocation.entity.RouteApplication;
import org.continuum.relocation.entity.TravelDocument;
import org.continuum.workflow.engine.EngineHolder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Relocation routes inside WildFly, on the real engine and database: a checklist that fails is refused item by item,
 * the year's places are counted in persons with family and refuse the next case when full, a refusal gives the places
 * back and the case chooses another route, and an application goes from submission (its reminder fired by the
 * engine's job executor) through the visa and the booking to the arrival recorded by the case's own task.
 */
@ExtendWith(ArquillianExtension.class)
class RelocationRouteIT {

    static final String AMIRA = Journey.AMIRA;
    static final String CLAIRE = Journey.CLAIRE;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(RelocationRouteIT.class, IntakeIT.class, Sql.class, DemoCodes.class);
    }

    @Inject
    Journey journey;

    @Inject
    RouteService routes;

    @Inject
    ProgrammeService programmes;

    @Inject
    CountrySituation countries;

    @Inject
    RelocationService relocations;

    @Inject
    CaseFileService cases;

    @Inject
    EngineHolder engines;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private long programme(long caseFileId, String code) throws Exception {
        return As.user(AMIRA, Roles.CASEWORKER, () -> routes.desk(caseFileId)).programmes().stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow().id();
    }

    private static Map<ChecklistItem, ChecklistAnswer> allMet(ChecklistItem... items) {
        Map<ChecklistItem, ChecklistAnswer> answers = new EnumMap<>(ChecklistItem.class);
        for (ChecklistItem item : items) {
            answers.put(item, ChecklistAnswer.MET);
        }
        return answers;
    }

    private RouteService.Desk desk(long caseFileId) throws Exception {
        return As.user(AMIRA, Roles.CASEWORKER, () -> routes.desk(caseFileId));
    }

    private RouteService.ApplicationRow current(long caseFileId) throws Exception {
        return desk(caseFileId).applications().get(0);
    }

    @Test
    void aChecklistThatFailsIsRefusedWithEveryFailingItemAndNothingIsReserved() throws Exception {
        long id = journey.relocating("Aster");
        long canada = programme(id, "canada-hrd-stream");
        Sql sql = new Sql(dataSource);
        long deniedBefore = sql.count("select count(*) from audit_event where casefile_id = ? and outcome = 'DENIED'"
                + " and action = 'ROUTE_APPLICATION_SUBMITTED'", id);
        Map<ChecklistItem, ChecklistAnswer> answers = allMet(ChecklistItem.DEFENDER_AT_RISK);
        answers.put(ChecklistItem.LEFT_COUNTRY_OF_DANGER, ChecklistAnswer.UNKNOWN);
        answers.put(ChecklistItem.NO_DURABLE_SOLUTION, ChecklistAnswer.NOT_MET);
        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> routes.submit(id,
                new RouteService.Submission(canada, answers, "Wants to go to Canada"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKeys()).containsExactly(
                        "route.checklist.failed:@checklist.LEFT_COUNTRY_OF_DANGER",
                        "route.checklist.failed:@checklist.NO_DURABLE_SOLUTION",
                        "route.checklist.failed:@checklist.WANTS_RESETTLEMENT"));
        assertThat(sql.count("select count(*) from route_application where casefile_id = ?", id)).isZero();
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and outcome = 'DENIED'"
                + " and action = 'ROUTE_APPLICATION_SUBMITTED'", id)).isEqualTo(deniedBefore + 1);

        assertThatThrownBy(() -> As.run("ivan.caseworker", Roles.CASEWORKER, () -> routes.desk(id)))
                .as("another team's caseworker has no need to know").isInstanceOf(CaseAccessDenied.class);
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and outcome = 'DENIED'"
                + " and action = 'ROUTE_DESK_VIEWED' and actor = 'ivan.caseworker'", id)).isOne();
        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> routes.move(Long.MAX_VALUE,
                RouteApplication.Step.WITHDRAWN, null, "probe"))).isInstanceOf(CaseAccessDenied.class);

        long notRelocating = journey.underLocalProtection("Yarrow", Journey.SOFIA,
                new org.continuum.protection.boundary.Assessment(RiskLevel.MEDIUM, "Threats online"));
        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> routes.submit(notRelocating,
                new RouteService.Submission(canada, allMet(ChecklistItem.values()), null))))
                .as("no route before the last-resort gate").isInstanceOf(InvalidInput.class)
                .hasMessage("route.notRelocating");
    }

    @Test
    void placesCountFamilyMembersAFullYearRefusesTheNextCaseAndARefusalGivesThePlacesBack() throws Exception {
        long first = journey.relocating("Juniper");
        long second = journey.relocating("Sorrel");
        long shelter = programme(first, "shelter-city-nl");
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        Sql sql = new Sql(dataSource);
        ProgrammeService.QuotaRow before = As.user(CLAIRE, Roles.COORDINATOR, () -> programmes.quotas(year))
                .programmes().stream().filter(q -> q.programmeId() == shelter).findFirst().orElseThrow();
        int taken = before.reserved() + before.used();
        As.run(CLAIRE, Roles.COORDINATOR, () -> programmes.allocate(shelter, year, taken + 2,
                "Two places agreed with the host city"));

        As.run(AMIRA, Roles.CASEWORKER, () -> routes.addDependant(first, new RouteService.DependantInput(
                "Лейла Ахмедова", Dependant.Relationship.PARTNER, 1994, true)));
        As.run(AMIRA, Roles.CASEWORKER, () -> routes.addDependant(first, new RouteService.DependantInput(
                "Child who stays", Dependant.Relationship.CHILD, 2015, false)));
        assertThat(desk(first).persons()).as("the person and the one family member who travels").isEqualTo(2);
        Map<ChecklistItem, ChecklistAnswer> fits = allMet(ChecklistItem.DEFENDER_AT_RISK, ChecklistItem.WILL_RETURN,
                ChecklistItem.HAS_VALID_PASSPORT, ChecklistItem.SPEAKS_WORKING_LANGUAGE,
                ChecklistItem.AVAILABLE_FOR_THE_STAY);
        long application = As.user(AMIRA, Roles.CASEWORKER, () -> routes.submit(first,
                new RouteService.Submission(shelter, fits, "Three months to rest")));
        assertThat(sql.count("select reserved from programme_year where programme_id = ? and year_number = ?",
                shelter, year)).isEqualTo(before.reserved() + 2);
        assertThat(sql.count("select persons from route_application where id = ?", application)).isEqualTo(2);

        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> routes.submit(second,
                new RouteService.Submission(shelter, fits, null))))
                .as("the year is full for the second case").isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.messageKeys()).containsExactly(
                                "route.quota.full:" + (taken + 2) + ":" + (taken + 2) + ":1"));
        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> routes.setTravelling(
                desk(first).dependants().get(1).id(), true)))
                .as("who travels is fixed while an application counts them").isInstanceOf(InvalidInput.class);

        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> routes.move(application,
                RouteApplication.Step.REFUSED, null, null))).hasMessage("route.reason.required");
        As.run(AMIRA, Roles.CASEWORKER, () -> routes.move(application, RouteApplication.Step.REFUSED, null,
                "The host city chose other defenders this round"));
        assertThat(current(first).state()).isEqualTo(RouteApplication.State.REFUSED);
        assertThat(sql.count("select reserved from programme_year where programme_id = ? and year_number = ?",
                shelter, year)).as("the refusal gave the places back").isEqualTo(before.reserved());
        assertThat(Poll.until(Duration.ofSeconds(10), () -> engines.engine().getHistoryService()
                .createHistoricActivityInstanceQuery().activityId("EndEvent_Refused").finished().count() > 0)).isTrue();

        long secondApplication = As.user(AMIRA, Roles.CASEWORKER, () -> routes.submit(second,
                new RouteService.Submission(shelter, fits, null)));
        assertThat(secondApplication).as("the place freed goes to the next case").isPositive();
        long otherRoute = As.user(AMIRA, Roles.CASEWORKER, () -> routes.submit(first, new RouteService.Submission(
                programme(first, "germany-admission-at-risk"),
                allMet(ChecklistItem.DEFENDER_AT_RISK, ChecklistItem.HAS_VALID_PASSPORT), "Second route")));
        assertThat(current(first).id()).as("after a refusal the case chose another route").isEqualTo(otherRoute);
        ProgrammeService.Quotas quotas = As.user(CLAIRE, Roles.COORDINATOR, () -> programmes.quotas(year));
        assertThat(quotas.waiting()).anyMatch(w -> w.applicationId() == otherRoute)
                .anyMatch(w -> w.applicationId() == secondApplication)
                .as("longest unchanged first, whatever their state").isSortedAccordingTo(java.util.Comparator
                        .comparing(ProgrammeService.WaitingRow::since)
                        .thenComparingLong(ProgrammeService.WaitingRow::applicationId));
        assertThat(sql.count("select count(*) from audit_event where action = 'PROGRAMME_ALLOCATION_SET'"
                + " and actor = ?", CLAIRE)).isPositive();
    }

    /**
     * Five caseworker requests race for the last two places of a programme's year: exactly two applications are
     * stored, the year counts exactly two more persons, the other three are refused cleanly with the figures.
     */
    @Test
    void fiveSubmissionsRacingForTwoPlacesStoreExactlyTwo() throws Exception {
        List<Long> cases = new java.util.ArrayList<>();
        for (String name : List.of("Alder", "Bramble", "Clover", "Dogwood", "Elm")) {
            cases.add(journey.relocating(name));
        }
        long esi = programme(cases.get(0), "elisabeth-selbert-initiative");
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        int taken = As.user(CLAIRE, Roles.COORDINATOR, () -> programmes.quotas(year)).programmes().stream()
                .filter(q -> q.programmeId() == esi).map(q -> q.reserved() + q.used()).findFirst().orElseThrow();
        As.run(CLAIRE, Roles.COORDINATOR, () -> programmes.allocate(esi, year, taken + 2, "Two places this round"));
        Map<ChecklistItem, ChecklistAnswer> fits = allMet(ChecklistItem.DEFENDER_AT_RISK, ChecklistItem.WILL_RETURN,
                ChecklistItem.HAS_VALID_PASSPORT, ChecklistItem.AVAILABLE_FOR_THE_STAY);
        org.wildfly.security.auth.server.SecurityDomain domain = As.domain();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger full = new java.util.concurrent.atomic.AtomicInteger();
        List<Throwable> other = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new java.util.ArrayList<>();
        for (long id : cases) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    As.user(domain, AMIRA, Roles.CASEWORKER, () -> routes.submit(id,
                            new RouteService.Submission(esi, fits, null)));
                    stored.incrementAndGet();
                } catch (InvalidInput refused) {
                    if (refused.messageKey().startsWith("route.quota.full:")) {
                        full.incrementAndGet();
                    } else {
                        other.add(refused);
                    }
                } catch (Throwable failed) {
                    other.add(failed);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(other).as("no failure but the quota's").isEmpty();
        assertThat(stored.get()).isEqualTo(2);
        assertThat(full.get()).isEqualTo(3);
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select reserved + used from programme_year where programme_id = ? and year_number = ?",
                esi, year)).isEqualTo(taken + 2);
        long applied = 0;
        for (long id : cases) {
            applied += sql.count("select count(*) from route_application where casefile_id = ?", id);
        }
        assertThat(applied).isEqualTo(2);
    }

    @Test
    void fromSubmissionThroughVisaAndBookingToTheArrivalRecordedByTheCaseTask() throws Exception {
        long id = journey.relocating("Tamarisk");
        long france = programme(id, "france-visa-for-asylum");
        String itemNote = "Паспорт до 2031 года, seen by Amira";
        long application = As.user(AMIRA, Roles.CASEWORKER, () -> routes.submit(id, new RouteService.Submission(
                france, allMet(ChecklistItem.HAS_VALID_PASSPORT, ChecklistItem.TARGETED_FOR_LGBTQIA_IDENTITY),
                Map.of(ChecklistItem.HAS_VALID_PASSPORT, itemNote), "Consulate appointment requested")));
        assertThat(current(id).itemNotes()).containsExactly(Map.entry(ChecklistItem.HAS_VALID_PASSPORT, itemNote));
        assertThat(new Sql(dataSource).count("select count(*) from route_application where id = ?"
                + " and (answers_enc like '%HAS_VALID%' or note_enc like '%Consulate%')", application))
                .as("answers, their notes and the note sealed").isZero();
        // The test server reminds 3 s after each step: the engine's job executor fires the timer.
        assertThat(Poll.until(Duration.ofSeconds(60), () -> {
            try {
                return current(id).reminded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).as("the reminder of the wait for a decision fired").isTrue();
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(id)).timeline())
                .anyMatch(e -> e.kind() == CaseEventKind.ROUTE_REMINDER);

        String prepare = journey.task(AMIRA, id, "Task_PrepareRelocation").id();
        RelocationService.RelocationPlan plan = new RelocationService.RelocationPlan(null, null,
                RelocationService.TravelDocuments.VISA_REQUESTED, 0, "Fly from the capital; met at the airport");
        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> relocations.prepare(prepare, plan)))
                .as("no plan while the programme has not decided").hasMessage("relocation.application.pending");

        As.run(AMIRA, Roles.CASEWORKER, () -> routes.move(application, RouteApplication.Step.INTERVIEW, null,
                "Interview at the consulate on Monday"));
        As.run(AMIRA, Roles.CASEWORKER, () -> routes.move(application, RouteApplication.Step.ISSUED, null, null));
        LocalDate travel = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        As.run(AMIRA, Roles.CASEWORKER, () -> routes.recordDocument(id, new RouteService.DocumentInput(null, null,
                TravelDocument.Kind.VISA, "FR", "FRA-VISA-0042", LocalDate.now(ZoneOffset.UTC), travel.minusDays(1),
                TravelDocument.Status.VALID)));
        As.run(AMIRA, Roles.CASEWORKER, () -> routes.move(application, RouteApplication.Step.TRAVEL_BOOKED, travel,
                null));
        RouteService.Desk booked = desk(id);
        assertThat(booked.applications().get(0).state()).isEqualTo(RouteApplication.State.TRAVEL_BOOKED);
        assertThat(booked.documents()).singleElement().satisfies(d -> {
            assertThat(d.expiry()).isEqualTo(TravelDocument.Expiry.BEFORE_TRAVEL);
            assertThat(d.number()).isEqualTo("FRA-VISA-0042");
        });
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> routes.documentsNeedingAttention(id)))
                .as("the case is flagged").isOne();
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> routes.expiring()))
                .as("and the caseworker's dashboard lists the document")
                .anyMatch(d -> d.caseFileId() == id && d.expiry() == TravelDocument.Expiry.BEFORE_TRAVEL);
        assertThat(new Sql(dataSource).count("select count(*) from travel_document where casefile_id = ?"
                + " and (number_enc like '%FRA-VISA%' or issuing_country_enc = 'FR')", id))
                .as("number and issuing country sealed").isZero();

        As.run(AMIRA, Roles.CASEWORKER, () -> relocations.prepare(prepare, plan));
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(id)).destinationCountry())
                .as("the destination comes from the programme").isEqualTo("FR");
        As.run(AMIRA, Roles.CASEWORKER, () -> relocations.confirmArrival(
                journey.task(AMIRA, id, "Task_ConfirmArrival").id(), true, Instant.now(), null));
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(id)).phase()).isEqualTo(Phase.EXILE_SUPPORT);
        assertThat(current(id).state()).isEqualTo(RouteApplication.State.ARRIVED);
        String process = new Sql(dataSource).string("select process_instance_id from route_application where id = ?",
                application);
        assertThat(engines.engine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(process).activityId("EndEvent_Arrived").finished().count()).isOne();
    }

    @Test
    void theCountrySituationComesFromTheReferenceFilesWithItsSources() throws Exception {
        CountrySituation.Profile russia = As.user(Journey.SOFIA, Roles.SECURITY_MENTOR, () -> countries.of("RU"))
                .orElseThrow();
        assertThat(russia.riskLevel()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(russia.facts()).anySatisfy(f -> {
            assertThat(f.text()).contains("extremist");
            assertThat(f.source()).startsWith("https://");
            assertThat(f.checkedOn()).isNotNull();
        });
        assertThat(russia.threatSummary()).startsWith("Country situation (Russia, CRITICAL): ");
        assertThat(new Sql(dataSource).count("select count(*) from audit_event where action = 'COUNTRY_PROFILE_CHANGED'"
                + " and detail like 'country=RU %'")).as("the profile's loading is on the audit trail").isPositive();
        assertThat(As.user(Journey.SOFIA, Roles.SECURITY_MENTOR, () -> countries.of("IS"))).isEmpty();
    }
}
