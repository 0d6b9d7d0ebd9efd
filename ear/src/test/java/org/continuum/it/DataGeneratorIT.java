package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.casefile.boundary.CaseDetails;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.entity.Phase;
import org.continuum.platform.control.Roles;
import org.continuum.seed.control.DataGenerator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data generator on a small organisation, inside WildFly: 80 case files written through the domain, each one
 * then opened through the case boundary by a caseworker of its team (need to know, sealing, timeline), every process
 * at the wait state of its case's phase, no engine incident, every phase present, about ten audit rows a case.
 */
@ExtendWith(ArquillianExtension.class)
class DataGeneratorIT {

    private static final int CASES = 80;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(DataGeneratorIT.class, As.class, Sql.class);
    }

    @Inject
    DataGenerator generator;

    @Inject
    CaseFileService caseFiles;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    @Test
    void aSmallOrganisationIsWrittenThroughTheDomainAndEveryCaseFileOpensAtTheRightStep() throws Exception {
        Sql sql = new Sql(dataSource);
        long before = sql.longValue("select coalesce(max(id), 0) from casefile");

        DataGenerator.Summary summary = generator.generate(CASES, 2, 11L);

        assertThat(summary.cases()).isEqualTo(CASES);
        assertThat(summary.check().opened()).isEqualTo(CASES);
        assertThat(summary.check().mismatches()).as(summary.check().toString()).isZero();
        assertThat(summary.check().atExpectedWaitState() + summary.check().closedWithoutProcess()).isEqualTo(CASES);
        assertThat(summary.check().incidents()).isZero();
        assertThat(summary.auditEvents()).isGreaterThanOrEqualTo(8L * CASES);
        assertThat(summary.referrals()).isPositive();
        assertThat(summary.grants()).isPositive();

        List<String> generated = sql.strings("select id from casefile where id > ? order by id", before);
        assertThat(generated).hasSize(CASES);
        assertThat(sql.count("select count(distinct team_id) from casefile where id > ?", before))
                .as("every team able to carry a case gets some").isGreaterThanOrEqualTo(2);
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (String row : generated) {
            long id = Long.parseLong(row);
            Phase phase = Phase.valueOf(sql.string("select phase from casefile where id = ?", id));
            String creator = sql.string("select created_by from casefile where id = ?", id);
            CaseDetails opened = As.user(creator, Roles.CASEWORKER, () -> caseFiles.view(id));
            assertThat(opened.phase()).isEqualTo(phase);
            assertThat(opened.legalName()).isNotBlank();
            assertThat(opened.timeline()).isNotEmpty();
            phases.add(phase);
        }
        assertThat(phases).containsAll(EnumSet.complementOf(EnumSet.of(Phase.INTAKE)));
    }
}
