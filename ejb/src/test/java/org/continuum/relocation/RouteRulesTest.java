package org.continuum.relocation;

import org.continuum.relocation.control.RouteRules;
import org.continuum.relocation.entity.ChecklistAnswer;
import org.continuum.relocation.entity.ChecklistItem;
import org.continuum.relocation.entity.Programme;
import org.continuum.relocation.entity.ProgrammeYear;
import org.continuum.relocation.entity.RouteApplication;
import org.continuum.relocation.entity.RouteApplication.State;
import org.continuum.relocation.entity.RouteApplication.Step;
import org.continuum.relocation.entity.TravelDocument;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a route without storage: checklist, places, the steps an application may take, expiring documents. */
class RouteRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Programme programme(int processingDays, ChecklistItem... items) throws Exception {
        Programme p = new Programme("test", "Test", Programme.Kind.RESETTLEMENT_STREAM, List.of("CA"),
                List.of("direct"), List.of(items), 500, 125, List.of("passport"), processingDays, null, null,
                "https://x.test", LocalDate.of(2026, 1, 1));
        Field id = Programme.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(p, 7L);
        return p;
    }

    private static Map<ChecklistItem, ChecklistAnswer> answers(Object... pairs) {
        Map<ChecklistItem, ChecklistAnswer> map = new EnumMap<>(ChecklistItem.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((ChecklistItem) pairs[i], (ChecklistAnswer) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void everyItemNotMetIsListedInTheProgrammesOrder() throws Exception {
        Programme p = programme(240, ChecklistItem.DEFENDER_AT_RISK, ChecklistItem.LEFT_COUNTRY_OF_DANGER,
                ChecklistItem.WANTS_RESETTLEMENT);
        assertThat(RouteRules.failing(p, answers(ChecklistItem.DEFENDER_AT_RISK, ChecklistAnswer.MET,
                ChecklistItem.LEFT_COUNTRY_OF_DANGER, ChecklistAnswer.UNKNOWN)))
                .as("unknown is not met, and an item left unanswered is not met either")
                .containsExactly(ChecklistItem.LEFT_COUNTRY_OF_DANGER, ChecklistItem.WANTS_RESETTLEMENT);
        assertThat(RouteRules.failing(p, answers(ChecklistItem.DEFENDER_AT_RISK, ChecklistAnswer.MET,
                ChecklistItem.LEFT_COUNTRY_OF_DANGER, ChecklistAnswer.MET, ChecklistItem.WANTS_RESETTLEMENT,
                ChecklistAnswer.MET, ChecklistItem.SCHOLAR, ChecklistAnswer.NOT_MET)))
                .as("an item the programme does not ask is not counted").isEmpty();
        assertThat(RouteRules.failing(p, null)).hasSize(3);
    }

    @Test
    void placesAreCountedInPersonsAndNeverPastTheAllocation() {
        ProgrammeYear year = new ProgrammeYear(7L, 2026, 3);
        assertThat(RouteRules.persons(1)).as("the person and one family member").isEqualTo(2);
        assertThat(year.reserve(2)).isTrue();
        assertThat(year.remaining()).isOne();
        assertThat(year.reserve(2)).as("two persons do not fit in one place").isFalse();
        assertThat(year.getReserved()).isEqualTo(2);
        year.use(2);
        assertThat(year.getReserved()).isZero();
        assertThat(year.getUsed()).isEqualTo(2);
        assertThat(year.reserve(1)).isTrue();
        year.release(1, false);
        year.release(2, true);
        assertThat(year.remaining()).isEqualTo(3);
        assertThatThrownBy(() -> year.allocate(2, "claire", "", NOW)).hasMessage("programme.allocation.reason");
        assertThat(year.reserve(3)).isTrue();
        assertThatThrownBy(() -> year.allocate(2, "claire", "Cut by the donor", NOW))
                .hasMessage("programme.allocation.belowTaken");
        ProgrammeYear open = new ProgrammeYear(7L, 2026, null);
        assertThat(open.reserve(31)).as("no allocation: nothing to count against").isTrue();
        assertThat(open.remaining()).isNull();
    }

    @Test
    void anApplicationTakesOnlyTheStepsItsStateAllows() throws Exception {
        RouteApplication a = new RouteApplication(1L, programme(240), 2026, 2, Map.of(), Map.of(), null, "amira", NOW);
        assertThat(a.getState()).isEqualTo(State.SUBMITTED);
        assertThatThrownBy(() -> a.move(Step.TRAVEL_BOOKED, LocalDate.of(2027, 1, 1), null, NOW))
                .hasMessage("route.step.notNow");
        a.move(Step.INTERVIEW, null, "Interview at the embassy", NOW);
        assertThatThrownBy(() -> a.move(Step.REFUSED, null, " ", NOW)).hasMessage("route.reason.required");
        assertThat(a.move(Step.ISSUED, null, null, NOW)).isEqualTo(State.INTERVIEW);
        assertThat(a.getNote()).as("a step without a note keeps the last one").isEqualTo("Interview at the embassy");
        assertThatThrownBy(() -> a.move(Step.TRAVEL_BOOKED, null, null, NOW)).hasMessage("route.travelDate.required");
        a.move(Step.TRAVEL_BOOKED, LocalDate.of(2027, 1, 15), null, NOW);
        assertThat(a.travelDate()).isEqualTo(LocalDate.of(2027, 1, 15));
        a.move(Step.ARRIVED, null, null, NOW);
        assertThat(a.getState().waiting()).isFalse();
        assertThatThrownBy(() -> a.move(Step.WITHDRAWN, null, "Too late", NOW)).hasMessage("route.step.notNow");
        assertThat(State.REFUSED.holdsPlaces()).isFalse();
        assertThat(State.ISSUED.placesUsed()).isTrue();
        assertThat(State.INTERVIEW.placesUsed()).isFalse();
    }

    @Test
    void eachChecklistAnswerKeepsItsOwnNoteWhateverItContains() throws Exception {
        Map<ChecklistItem, ChecklistAnswer> given = answers(ChecklistItem.DEFENDER_AT_RISK, ChecklistAnswer.MET,
                ChecklistItem.HAS_VALID_PASSPORT, ChecklistAnswer.UNKNOWN, ChecklistItem.SCHOLAR, ChecklistAnswer.NOT_MET);
        String tricky = "جواز السفر محجوز لدى الشرطة; a=b % 100 = Паспорт";
        RouteApplication a = new RouteApplication(1L, programme(240), 2026, 1, given,
                Map.of(ChecklistItem.HAS_VALID_PASSPORT, tricky, ChecklistItem.DEFENDER_AT_RISK, "  Letter from FLD  ",
                        ChecklistItem.WILL_RETURN, "not asked, so not kept"), null, "amira", NOW);
        assertThat(a.answers()).isEqualTo(given);
        assertThat(a.itemNotes()).containsOnly(Map.entry(ChecklistItem.HAS_VALID_PASSPORT, tricky),
                Map.entry(ChecklistItem.DEFENDER_AT_RISK, "Letter from FLD"));
        assertThatThrownBy(() -> new RouteApplication(1L, programme(240), 2026, 1, given,
                Map.of(ChecklistItem.SCHOLAR, "x".repeat(RouteApplication.ITEM_NOTE_MAX + 1)), null, "amira", NOW))
                .hasMessage("route.itemNote.tooLong");
    }

    @Test
    void remindersFollowTheProgrammesProcessingTimeAndTheTravelDate() throws Exception {
        Programme p = programme(240);
        assertThat(RouteRules.reminderAt(p, State.SUBMITTED, null, NOW, null)).isEqualTo(NOW.plus(Duration.ofDays(240)));
        assertThat(RouteRules.reminderAt(p, State.ISSUED, null, NOW, null)).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(RouteRules.reminderAt(p, State.TRAVEL_BOOKED, LocalDate.of(2026, 12, 20), NOW, null))
                .isEqualTo(Instant.parse("2026-12-22T00:00:00Z"));
        assertThat(RouteRules.reminderAt(p, State.REFUSED, null, NOW, null)).isNull();
        assertThat(RouteRules.reminderAt(p, State.SUBMITTED, null, NOW, Duration.ofSeconds(3)))
                .isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void aDocumentIsFlaggedWhenItExpiresBeforeTheTravelOrWithinNinetyDays() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        TravelDocument passport = new TravelDocument(1L, null, TravelDocument.Kind.PASSPORT, "ru", "75 1234567",
                LocalDate.of(2020, 1, 1), LocalDate.of(2027, 6, 1), TravelDocument.Status.VALID, "amira", NOW);
        assertThat(passport.getIssuingCountry()).isEqualTo("RU");
        assertThat(passport.expiry(today, null)).isNull();
        assertThat(passport.expiry(today, LocalDate.of(2027, 7, 1))).isEqualTo(TravelDocument.Expiry.BEFORE_TRAVEL);
        assertThat(passport.expiry(LocalDate.of(2027, 3, 10), null)).isEqualTo(TravelDocument.Expiry.SOON);
        assertThat(passport.expiry(LocalDate.of(2027, 6, 2), null)).isEqualTo(TravelDocument.Expiry.EXPIRED);
        assertThatThrownBy(() -> new TravelDocument(1L, null, TravelDocument.Kind.VISA, "XX", null, null, null,
                TravelDocument.Status.REQUESTED, "amira", NOW)).hasMessage("travelDocument.country.invalid");
        assertThatThrownBy(() -> new TravelDocument(1L, null, TravelDocument.Kind.VISA, "DE", null, null, null,
                TravelDocument.Status.VALID, "amira", NOW)).hasMessage("travelDocument.validUntil.required");
        assertThatThrownBy(() -> new TravelDocument(1L, null, TravelDocument.Kind.VISA, "DE", null,
                LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 1), TravelDocument.Status.VALID, "amira", NOW))
                .hasMessage("travelDocument.dates.order");
    }
}
