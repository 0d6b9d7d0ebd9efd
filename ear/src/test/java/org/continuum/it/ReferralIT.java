package org.continuum.it;

import jakarta.annotation.Resource;
import org.continuum.security.control.SealedValues;
import org.continuum.protection.boundary.MeasureUpdate;
import org.continuum.protection.boundary.MeasureRow;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.casefile.entity.SharedField;
import org.continuum.casefile.entity.Urgency;
import org.continuum.platform.control.Roles;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.reference.boundary.PartnerDirectory;
import org.continuum.reference.entity.Partner;
import org.continuum.referral.boundary.ReferralService;
import org.continuum.referral.control.ReferralPackage;
import org.continuum.referral.entity.ReferralOutcome;
import org.continuum.referral.entity.ReferralStatus;
import org.continuum.protection.boundary.SafePlaceMeasures;
import org.continuum.safeplace.boundary.SafePlaceService;
import org.continuum.safeplace.entity.SafePlaceKind;
import org.continuum.safeplace.entity.Vetting;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rest of the mentor workspace inside WildFly: referrals that carry only consented fields and close their loop
 * (with the answer reminder fired by the real job executor), the partner directory kept by administrators, the
 * safe-place registry with need-to-know addresses, and measure details.
 */
@ExtendWith(ArquillianExtension.class)
class ReferralIT {

    static final String AMIRA = "amira.caseworker";
    static final String IVAN = "ivan.caseworker";
    static final String ADMIN = "admin";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(ReferralIT.class, IntakeIT.class, Sql.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    ReferralService referrals;

    @Inject
    PartnerDirectory directory;

    @Inject
    SafePlaceService safePlaces;

    @Inject
    SafePlaceMeasures safePlaceMeasures;

    @Inject
    ProtectionService protection;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    @Inject
    SealedValues sealedValues;

    private long newCase(String pseudonym, String legalName) throws Exception {
        return As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request(pseudonym, legalName,
                Urgency.HIGH))).caseFileId();
    }

    private ReferralService.PartnerCard card(long caseFileId, String code) throws Exception {
        return As.user(AMIRA, Roles.CASEWORKER, () -> referrals.desk(caseFileId)).partners().stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aReferralCarriesOnlyConsentedFieldsAndItsLoopClosesWithAReminderWhenLate() throws Exception {
        String canaryName = "Ксения CANARY-NAME-" + System.nanoTime();
        long id = newCase("Linden", canaryName);
        Sql sql = new Sql(dataSource);

        ReferralService.PartnerCard railroad = card(id, "rainbow-railroad");
        assertThat(railroad.hint().suggested()).as("relocation request, in the country of danger, speaks ru").isTrue();
        ReferralService.PartnerCard dignity = card(id, "dignity-for-all");
        assertThat(dignity.hint().problems()).containsExactly("referral.hint.targeted.unknown");
        As.run(AMIRA, Roles.CASEWORKER, () -> referrals.recordTargetedForWork(id, true));
        assertThat(card(id, "dignity-for-all").hint().eligible()).isTrue();

        // The person agrees to share country, languages and situation with Rainbow Railroad; not the name.
        As.run(AMIRA, Roles.CASEWORKER, () -> referrals.recordConsent(id, railroad.id(),
                EnumSet.of(SharedField.COUNTRY, SharedField.LANGUAGES, SharedField.SITUATION), true));
        assertThat(card(id, "rainbow-railroad").consentedFields())
                .containsExactlyInAnyOrder(SharedField.COUNTRY, SharedField.LANGUAGES, SharedField.SITUATION);

        assertThatThrownBy(() -> As.user(AMIRA, Roles.CASEWORKER, () -> referrals.refer(id,
                new ReferralService.ReferralRequest(railroad.id(), "travel-funding",
                        EnumSet.of(SharedField.LEGAL_NAME, SharedField.CONTACT, SharedField.COUNTRY),
                        "email:help@rainbowrailroad.ca", null, null))))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).messageKeys()).containsExactly(
                        "referral.field.noConsent:LEGAL_NAME", "referral.field.noConsent:CONTACT"));
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'REFERRAL_SENT'"
                + " and outcome = 'DENIED'", id)).isOne();
        assertThat(sql.count("select count(*) from referral where casefile_id = ?", id)).as("nothing sent").isZero();

        ReferralService.SentReferral sent = As.user(AMIRA, Roles.CASEWORKER, () -> referrals.refer(id,
                new ReferralService.ReferralRequest(railroad.id(), "travel-funding",
                        EnumSet.of(SharedField.COUNTRY, SharedField.LANGUAGES, SharedField.SITUATION),
                        "email:help@rainbowrailroad.ca", "Please contact us through the usual channel", null)));
        assertThat(sent.shared()).extracting(ReferralPackage.Line::field)
                .containsExactly(SharedField.COUNTRY, SharedField.LANGUAGES, SharedField.SITUATION);
        assertThat(sent.shared()).extracting(ReferralPackage.Line::value).doesNotContain(canaryName)
                .noneMatch(v -> v.contains("CANARY") || v.contains("Signal") || v.contains("Kazan"));
        assertThat(sql.string("select shared_fields from referral where id = ?", sent.referralId()))
                .isEqualTo("COUNTRY|LANGUAGES|SITUATION");
        // Words of the clear package and message, long enough never to turn up in base64 ciphertext by chance
        // ("RU" alone did, about once in twenty runs).
        assertThat(sql.count("select count(*) from referral where id = ? and (package_enc like '%REFERENCE%'"
                + " or package_enc like '%LANGUAGES%' or message_enc like '%usual channel%')", sent.referralId()))
                .as("sealed").isZero();

        // The test server expects answers within seconds: the job executor fires the reminder.
        assertThat(Poll.until(Duration.ofSeconds(30), () -> sql.count("select count(*) from referral where id = ?"
                + " and answer_overdue = true", sent.referralId()) == 1)).as("reminder fired").isTrue();
        assertThat(sql.count("select count(*) from case_event where casefile_id = ? and kind = 'REFERRAL_ANSWER_OVERDUE'",
                id)).isOne();
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> referrals.overdue()))
                .as("the dashboard lists the late referral with its partner's name")
                .filteredOn(o -> o.referralId() == sent.referralId())
                .singleElement().satisfies(o -> assertThat(o.partnerName()).isEqualTo(railroad.name()));
        assertThat(As.user(IVAN, Roles.CASEWORKER, () -> referrals.overdue()))
                .extracting(ReferralService.OverdueReferral::referralId).doesNotContain(sent.referralId());

        As.run(AMIRA, Roles.CASEWORKER, () -> referrals.recordAnswer(sent.referralId(), true, "They opened a file"));
        String process = sql.string("select process_instance_id from referral where id = ?", sent.referralId());
        assertThat(sql.count("select count(*) from ACT_RU_EXECUTION where PROC_INST_ID_ = ?", process))
                .as("the wait ended").isZero();
        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> referrals.recordAnswer(sent.referralId(), false,
                null))).isInstanceOf(InvalidInput.class).hasMessage("referral.notAwaitingAnswer");
        As.run(AMIRA, Roles.CASEWORKER, () -> referrals.recordOutcome(sent.referralId(),
                ReferralOutcome.SERVICE_PROVIDED, "Travel paid by the partner"));
        ReferralService.ReferralRow row = As.user(AMIRA, Roles.CASEWORKER, () -> referrals.desk(id)).referrals().get(0);
        assertThat(row.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(row.answerOverdue()).isTrue();
        assertThat(row.outcome()).isEqualTo(ReferralOutcome.SERVICE_PROVIDED);
        assertThat(sql.count("select count(*) from case_event where casefile_id = ? and kind in ('REFERRAL_SENT',"
                + " 'REFERRAL_ANSWERED', 'REFERRAL_OUTCOME')", id)).isEqualTo(3);

        // Need to know: another team and an unassigned mentor are refused, and the attempts audited.
        assertThatThrownBy(() -> As.user(IVAN, Roles.CASEWORKER, () -> referrals.desk(id)))
                .isInstanceOf(CaseAccessDenied.class);
        assertThatThrownBy(() -> As.run(IVAN, Roles.CASEWORKER, () -> referrals.recordOutcome(sent.referralId(),
                ReferralOutcome.NOT_PROVIDED, null))).isInstanceOf(CaseAccessDenied.class);
        assertThatThrownBy(() -> As.user("sofia.mentor", Roles.SECURITY_MENTOR, () -> referrals.desk(id)))
                .isInstanceOf(CaseAccessDenied.class);
        assertThatThrownBy(() -> As.user(ADMIN, Roles.ADMIN, () -> referrals.desk(id)))
                .isInstanceOf(EJBAccessException.class);
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and outcome = 'DENIED'"
                + " and action in ('REFERRAL_DESK_VIEWED', 'REFERRAL_OUTCOME_RECORDED')", id)).isEqualTo(3);
    }

    @Test
    void administratorsKeepThePartnerDirectoryEveryProblemListedAtOnce() throws Exception {
        PartnerDirectory.PartnerForm bad = new PartnerDirectory.PartnerForm("Bad Code!", " ", null,
                List.of("Not A Code"), List.of("xx"), List.of("carrier-pigeon"), null, null, List.of(), List.of("ZZ"),
                false, 400, true, null);
        assertThatThrownBy(() -> As.user(ADMIN, Roles.ADMIN, () -> directory.save(bad)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).messageKeys()).contains("partner.code.invalid",
                        "partner.service.invalid", "partner.channel.invalid", "partner.language.invalid",
                        "partner.country.invalid", "partner.answerDays.range", "partner.name.required",
                        "partner.kind.required"));
        String code = "kyiv-shelter-" + (System.nanoTime() % 100000);
        PartnerDirectory.PartnerForm form = new PartnerDirectory.PartnerForm(code, "Prykhystok shelter network",
                Partner.Kind.LGBTQIA_ORGANISATION, List.of("safe-places", "community-support"), List.of("uk", "ru"),
                List.of("form:https://example.org/contact"), "Only in Ukraine", null,
                List.of("INTERNALLY_DISPLACED"), List.of("UA"), false, 5, true, null);
        As.user(ADMIN, Roles.ADMIN, () -> directory.save(form));
        PartnerDirectory.PartnerForm stored = As.user(ADMIN, Roles.ADMIN, () -> directory.form(code));
        assertThat(stored.countries()).containsExactly("UA");
        assertThat(stored.situations()).containsExactly("INTERNALLY_DISPLACED");
        assertThat(stored.editedBy()).isEqualTo(ADMIN);
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> directory.list())).extracting(PartnerDirectory.PartnerForm::code)
                .contains(code, "rainbow-railroad");
        assertThatThrownBy(() -> As.user(AMIRA, Roles.CASEWORKER, () -> directory.save(form)))
                .isInstanceOf(EJBAccessException.class);
        assertThat(new Sql(dataSource).count("select count(*) from audit_event where action = 'PARTNER_SAVED'"
                + " and detail like ?", "partner=" + code + "%")).isOne();
    }

    @Test
    void safePlacesAreFoundWithoutAddressesAndTheAddressReachesOnlyTheCaseTeam() throws Exception {
        String canaryAddress = "CANARY-ADDRESS-" + System.nanoTime() + " rue des Lilas";
        long id = newCase("Rowan", "Олег Петров " + System.nanoTime());
        long vetted = As.user(ADMIN, Roles.ADMIN, () -> safePlaces.save(new SafePlaceService.PlaceForm(null,
                "Аптека на Баумана", SafePlaceKind.BUSINESS, "RU", "Kazan Vakhitovsky", canaryAddress, "+7 843 000",
                "09:00-21:00", Vetting.VETTED, LocalDate.of(2026, 10, 2), true, 2, null, true)));
        long pending = As.user(ADMIN, Roles.ADMIN, () -> safePlaces.save(new SafePlaceService.PlaceForm(null,
                "Unvetted café", SafePlaceKind.BUSINESS, "RU", "Kazan Vakhitovsky", "somewhere", null, null,
                Vetting.PENDING, null, false, 1, null, true)));
        assertThatThrownBy(() -> As.user(ADMIN, Roles.ADMIN, () -> safePlaces.save(new SafePlaceService.PlaceForm(
                null, "No date", SafePlaceKind.SCHOOL, "RU", "Kazan", "x", null, null, Vetting.VETTED, null, false, 1,
                null, true)))).isInstanceOf(InvalidInput.class).hasMessage("safePlace.vettedOn.required");

        List<SafePlaceService.PlaceOption> found = As.user(AMIRA, Roles.CASEWORKER,
                () -> safePlaceMeasures.near(id, "  kazan VAKHITOVSKY"));
        assertThat(found).extracting(SafePlaceService.PlaceOption::id).contains(vetted).doesNotContain(pending);
        assertThat(found.toString()).doesNotContain("CANARY-ADDRESS");
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> safePlaceMeasures.near(id, "Moscow"))).isEmpty();
        assertThatThrownBy(() -> As.user(IVAN, Roles.CASEWORKER, () -> safePlaceMeasures.near(id, "")))
                .isInstanceOf(CaseAccessDenied.class);
        assertThatThrownBy(() -> As.user(AMIRA, Roles.CASEWORKER, () -> safePlaces.registry()))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.user(AMIRA, Roles.CASEWORKER, () -> safePlaceMeasures.recordForCase(id, pending, null)))
                .isInstanceOf(InvalidInput.class).hasMessage("safePlace.notOffered");

        long measureId = As.user(AMIRA, Roles.CASEWORKER, () -> safePlaceMeasures.recordForCase(id, vetted,
                "Go there if followed"));
        MeasureRow row = As.user(AMIRA, Roles.CASEWORKER, () -> protection.plan(id)).stream()
                .filter(m -> m.id() == measureId).findFirst().orElseThrow();
        assertThat(row.details().placeAddress()).isEqualTo(canaryAddress);
        assertThat(row.details().placeName()).isEqualTo("Аптека на Баумана");

        As.run(AMIRA, Roles.CASEWORKER, () -> protection.updateMeasure(id, measureId, new MeasureUpdate(
                MeasureStatus.DONE, null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 20),
                "Sheltered twice", 5)));
        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> protection.updateMeasure(id, measureId,
                new MeasureUpdate(MeasureStatus.PLANNED, null, null, null, null, 3))))
                .isInstanceOf(InvalidInput.class).hasMessage("measure.effectiveness.notTried");
        MeasureRow done = As.user(AMIRA, Roles.CASEWORKER, () -> protection.plan(id)).stream()
                .filter(m -> m.id() == measureId).findFirst().orElseThrow();
        assertThat(done.status()).isEqualTo(MeasureStatus.DONE);
        assertThat(done.details().effectiveness()).isEqualTo(5);
        assertThat(done.details().outcome()).isEqualTo("Sheltered twice");

        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from safe_place where address_enc like '%CANARY%'"
                + " or contact_enc like '%843%'")).as("sealed").isZero();
        assertThat(sql.count("select count(*) from protection_measure where outcome_enc like '%Sheltered%'")).isZero();
        assertThat(sql.opened(sealedValues, "case_event", "id", "summary_enc", "casefile_id = ? and kind = ?", id,
                "MEASURE_UPDATED")).as("the timeline summary is sealed too").singleElement()
                .isEqualTo("measure=safe-place status=DONE effectiveness=5");
        assertThat(sql.strings("select summary_enc from case_event where casefile_id = ?", id))
                .noneMatch(sealed -> sealed.contains("CANARY"));
        assertThat(sql.opened(sealedValues, "case_event", "id", "summary_enc", "casefile_id = ?", id))
                .noneMatch(opened -> opened.contains("CANARY"));
    }
}
