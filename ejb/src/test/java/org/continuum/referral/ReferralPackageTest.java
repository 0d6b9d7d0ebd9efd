package org.continuum.referral;

import org.continuum.casefile.entity.SharedField;
import org.continuum.referral.control.ReferralPackage;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Consent filtering of a referral: a field without consent never leaves, whatever the data and the form. */
class ReferralPackageTest {

    static Map<SharedField, String> canaries() {
        Map<SharedField, String> values = new EnumMap<>(SharedField.class);
        for (SharedField f : SharedField.values()) {
            values.put(f, "CANARY-" + f.name() + "-7f3a");
        }
        return values;
    }

    @Test
    void onlyConsentedFieldsAmongThoseAskedForLeave() {
        Set<SharedField> consented = EnumSet.of(SharedField.COUNTRY, SharedField.LANGUAGES, SharedField.CONTACT);
        Set<SharedField> requested = EnumSet.of(SharedField.COUNTRY, SharedField.LANGUAGES);
        ReferralPackage.Contents contents = ReferralPackage.build("CF-2026-000042", canaries(), consented, requested);
        assertThat(contents.shared()).containsExactlyInAnyOrder(SharedField.COUNTRY, SharedField.LANGUAGES);
        String stored = contents.stored();
        assertThat(stored).contains("CANARY-COUNTRY-7f3a", "CANARY-LANGUAGES-7f3a", "CF-2026-000042");
        assertThat(stored).as("consented but not asked for").doesNotContain("CANARY-CONTACT");
        for (SharedField f : EnumSet.complementOf(EnumSet.copyOf(requested))) {
            assertThat(stored).doesNotContain("CANARY-" + f.name());
        }
    }

    @Test
    void everyCombinationOfConsentAndRequestKeepsNonConsentedFieldsOut() {
        SharedField[] all = SharedField.values();
        for (int consentMask = 0; consentMask < 1 << all.length; consentMask += 7) {
            for (int requestMask = 0; requestMask < 1 << all.length; requestMask += 13) {
                Set<SharedField> consented = subset(all, consentMask);
                Set<SharedField> requested = subset(all, requestMask);
                String stored = ReferralPackage.build("CF-2026-000001", canaries(), consented, requested).stored();
                for (SharedField f : all) {
                    boolean leaves = stored.contains("CANARY-" + f.name() + "-");
                    assertThat(leaves).as("%s consented=%s requested=%s", f, consented, requested)
                            .isEqualTo(consented.contains(f) && requested.contains(f));
                }
            }
        }
    }

    private static Set<SharedField> subset(SharedField[] all, int mask) {
        Set<SharedField> set = EnumSet.noneOf(SharedField.class);
        for (int i = 0; i < all.length; i++) {
            if ((mask & (1 << i)) != 0) {
                set.add(all[i]);
            }
        }
        return set;
    }

    @Test
    void askingForAFieldWithoutConsentNamesEachOne() {
        assertThat(ReferralPackage.problems(EnumSet.of(SharedField.LEGAL_NAME, SharedField.COUNTRY,
                SharedField.LOCATION), EnumSet.of(SharedField.COUNTRY)))
                .containsExactly("referral.field.noConsent:LEGAL_NAME", "referral.field.noConsent:LOCATION");
        assertThat(ReferralPackage.problems(EnumSet.noneOf(SharedField.class), EnumSet.allOf(SharedField.class)))
                .containsExactly("referral.fields.required");
        assertThat(ReferralPackage.problems(EnumSet.of(SharedField.COUNTRY), null))
                .containsExactly("referral.field.noConsent:COUNTRY");
        assertThat(ReferralPackage.problems(EnumSet.of(SharedField.COUNTRY), EnumSet.of(SharedField.COUNTRY)))
                .isEmpty();
    }

    @Test
    void emptyValuesAreNotSharedAndTheStoredFormReadsBack() {
        Map<SharedField, String> values = new EnumMap<>(SharedField.class);
        values.put(SharedField.THREATS, "PHYSICAL: police\twith\nnewlines");
        values.put(SharedField.RISK_LEVEL, "  ");
        ReferralPackage.Contents contents = ReferralPackage.build("CF-2026-000009", values,
                EnumSet.allOf(SharedField.class), EnumSet.of(SharedField.THREATS, SharedField.RISK_LEVEL));
        assertThat(contents.shared()).containsExactly(SharedField.THREATS);
        ReferralPackage.Contents back = ReferralPackage.Contents.parse(contents.stored());
        assertThat(back.caseReference()).isEqualTo("CF-2026-000009");
        assertThat(back.lines()).containsExactly(new ReferralPackage.Line(SharedField.THREATS,
                "PHYSICAL: police with newlines"));
    }
}
