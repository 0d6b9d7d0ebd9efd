package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.casefile.entity.SharedField;
import org.continuum.casefile.entity.Urgency;
import org.continuum.document.boundary.DossierService;
import org.continuum.platform.control.Roles;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.referral.boundary.ReferralService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.text.Normalizer;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PDF dossiers on the real server: the internal dossier prints the identity in Arabic script and the timeline, the
 * referral dossier holds nothing but the consented fields (canaries stay out), both open only with the password
 * shown once, each generation is audited, and need to know applies.
 */
@ExtendWith(ArquillianExtension.class)
class DossierIT {

    static final String AMIRA = "amira.caseworker";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(DossierIT.class, IntakeIT.class, Sql.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    ReferralService referrals;

    @Inject
    DossierService dossiers;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    /** The text layer, NFKC-normalised, with line wraps and runs of spaces as single spaces. */
    static String text(DossierService.Dossier d) throws Exception {
        try (PDDocument doc = Loader.loadPDF(d.file().pdf(), d.file().password())) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC)
                    .replaceAll("\\s+", " ");
        }
    }

    @Test
    void theReferralDossierHoldsOnlyConsentedFieldsAndBothOpenOnlyWithTheirPassword() throws Exception {
        String name = "ليلى الحسيني";
        long id = As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Tamarisk", name,
                Urgency.HIGH))).caseFileId();
        long partner = As.user(AMIRA, Roles.CASEWORKER, () -> referrals.desk(id)).partners().stream()
                .filter(p -> p.code().equals("rainbow-railroad")).findFirst().orElseThrow().id();
        As.run(AMIRA, Roles.CASEWORKER, () -> referrals.recordConsent(id, partner,
                EnumSet.of(SharedField.COUNTRY, SharedField.LANGUAGES), true));
        long referral = As.user(AMIRA, Roles.CASEWORKER, () -> referrals.refer(id, new ReferralService.ReferralRequest(
                partner, "travel-funding", EnumSet.of(SharedField.COUNTRY, SharedField.LANGUAGES),
                "email:help@rainbowrailroad.ca", null, null))).referralId();

        DossierService.Dossier internal = As.user(AMIRA, Roles.CASEWORKER, () -> dossiers.caseDossier(id, "en"));
        String all = text(internal);
        assertThat(all).contains(name, "Signal: +7 900 000-00-00", "Kazan", "Referral sent", "Rainbow Railroad");
        assertThat(all).as("the interface's words, not internal codes").contains("Still in the country of danger",
                "Russia", "Russian, English", "Relocation", "Triage and verification", "Keeping their data",
                "Sharing with a partner", "Country, Languages")
                .doesNotContain("IN_COUNTRY_OF_DANGER", "REFERRAL_SENT", "SHARE_WITH_PARTNER", "STORAGE", "TRIAGE",
                        "ru, en");

        DossierService.Dossier arabic = As.user(AMIRA, Roles.CASEWORKER, () -> dossiers.caseDossier(id, "ar"));
        String inArabic = text(arabic);
        assertThat(inArabic).as("an Arabic reader's dossier: the interface's Arabic words, CLDR's names").contains(
                "الاسم المستعار", "ما زال في بلد الخطر", "روسيا", "الفرز والتحقق", name)
                .doesNotContain("Pseudonym", "Still in the country of danger", "IN_COUNTRY_OF_DANGER", "TRIAGE");

        DossierService.Dossier shared = As.user(AMIRA, Roles.CASEWORKER, () -> dossiers.referralDossier(referral,
                "en"));
        String sent = text(shared);
        assertThat(sent).contains("Rainbow Railroad", "travel-funding", "Russia", "Russian, English");
        for (String canary : new String[]{name, "ليلى", "Signal", "+7 900", "Kazan", "Vakhitovsky", "Tamarisk",
                "RELOCATION", "IN_COUNTRY_OF_DANGER"}) {
            assertThat(sent).as("not consented: " + canary).doesNotContain(canary);
        }
        assertThat(shared.file().password()).isNotEqualTo(internal.file().password());
        assertThatThrownBy(() -> Loader.loadPDF(shared.file().pdf())).isInstanceOf(InvalidPasswordException.class);
        assertThatThrownBy(() -> Loader.loadPDF(internal.file().pdf(), shared.file().password()))
                .isInstanceOf(InvalidPasswordException.class);

        assertThatThrownBy(() -> As.user("ivan.caseworker", Roles.CASEWORKER, () -> dossiers.caseDossier(id, "en")))
                .isInstanceOf(CaseAccessDenied.class);
        assertThatThrownBy(() -> As.user("ivan.caseworker", Roles.CASEWORKER,
                () -> dossiers.referralDossier(referral, "en")))
                .isInstanceOf(CaseAccessDenied.class);
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'DOSSIER_GENERATED'"
                + " and outcome = 'SUCCESS'", id)).isEqualTo(3);
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'DOSSIER_GENERATED'"
                + " and outcome = 'DENIED'", id)).isEqualTo(2);
        assertThat(sql.count("select count(*) from audit_event where detail like ?", "%" + shared.file().password()
                + "%")).as("the password is stored nowhere").isZero();

        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> dossiers.partnerLanguages(referral)))
                .as("the partner's languages a document can be written in, in the partner's order (en|es|fr|ar|ru)")
                .containsExactly("en", "fr", "ar");
        assertThatThrownBy(() -> As.user("ivan.caseworker", Roles.CASEWORKER,
                () -> dossiers.partnerLanguages(referral))).isInstanceOf(CaseAccessDenied.class);
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'DOSSIER_GENERATED'"
                + " and outcome = 'DENIED'", id)).as("that refusal audited too").isEqualTo(3);
    }
}
