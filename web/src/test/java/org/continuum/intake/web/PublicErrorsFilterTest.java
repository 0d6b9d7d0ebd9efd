package org.continuum.intake.web;

import org.continuum.platform.control.Bundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem page is offered in every public language, and nothing sent can change where it leads. */
class PublicErrorsFilterTest {

    @Test
    void everyPublicLanguageHasItsProblemPageAndAnythingElseReadsEnglish() {
        for (String language : Bundles.PUBLIC_LANGUAGES) {
            assertThat(PublicErrorsFilter.problemPage(language)).isEqualTo("problem.xhtml?lang=" + language);
        }
        assertThat(PublicErrorsFilter.problemPage("xx")).isEqualTo("problem.xhtml?lang=en");
        assertThat(PublicErrorsFilter.problemPage("//evil.example")).isEqualTo("problem.xhtml?lang=en");
        assertThat(PublicErrorsFilter.problemPage("")).isEqualTo("problem.xhtml?lang=en");
    }
}
