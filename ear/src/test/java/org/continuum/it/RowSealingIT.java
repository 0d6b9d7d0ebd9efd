package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.entity.Urgency;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.platform.control.Roles;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S16 on the real server: each case file's values are sealed with its own data key and bound to their row, column
 * and table. A sealed name copied into another case file, or into another column of the same one, does not open
 * there: reading that case file fails, and the server log says where (never what); put back, it opens again.
 */
@ExtendWith(ArquillianExtension.class)
class RowSealingIT {

    static final String AMIRA = "amira.caseworker";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(RowSealingIT.class, IntakeIT.class, Sql.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    CaseFileService caseFiles;

    @Inject
    org.continuum.security.control.SealedValues sealedValues;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private long register(String name) throws Exception {
        return As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Row " + name, name,
                Urgency.STANDARD))).caseFileId();
    }

    private String name(long id) throws Exception {
        return As.user(AMIRA, Roles.CASEWORKER, () -> caseFiles.view(id)).legalName();
    }

    private static String serverLog() throws Exception {
        return Files.readString(Path.of(System.getProperty("jboss.server.log.dir"), "server.log"),
                StandardCharsets.UTF_8);
    }

    @Test
    void aSealedValueOpensOnlyInTheRowColumnAndTableItWasSealedFor() throws Exception {
        String canary = "canary-" + UUID.randomUUID();
        long first = register("Аглая " + canary);
        long second = register("ياسمين " + canary);
        Sql sql = new Sql(dataSource);
        String sealedFirst = sql.string("select legal_name_enc from casefile where id = ?", first);
        String sealedSecond = sql.string("select legal_name_enc from casefile where id = ?", second);
        assertThat(sealedFirst).startsWith("v2:case-" + first + ":").doesNotContain(canary);
        assertThat(sql.count("select count(*) from sealing_key where scope in (?, ?) and wrapped is not null",
                "case-" + first, "case-" + second)).as("a data key each").isEqualTo(2);
        assertThat(name(second)).isEqualTo("ياسمين " + canary);
        String locationFirst = sql.string("select location_enc from casefile where id = ?", first);
        String locationSecond = sql.string("select location_enc from casefile where id = ?", second);
        try {
            movedValuesDoNotOpen(sql, first, second, sealedFirst, sealedSecond, canary);
        } finally {
            // The tests after this one read every case file (the exports): each value goes back to its place.
            sql.update("update casefile set legal_name_enc = ?, location_enc = ? where id = ?", sealedFirst,
                    locationFirst, first);
            sql.update("update casefile set legal_name_enc = ?, location_enc = ? where id = ?", sealedSecond,
                    locationSecond, second);
        }
        assertThat(name(first)).isEqualTo("Аглая " + canary);
        assertThat(name(second)).isEqualTo("ياسمين " + canary);
    }

    /** The exports open a page of values at once, their keys read in batches: each still opens only in its row. */
    @Test
    void aPageOfValuesOpensAtOnceEachOnlyInItsOwnRow() throws Exception {
        String canary = "canary-" + UUID.randomUUID();
        Sql sql = new Sql(dataSource);
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        for (String name : List.of("Аглая ", "ياسمين ", "Zoë ")) {
            long id = register(name + canary);
            names.put(id, name + canary);
        }
        java.util.Map<Long, String> stored = new java.util.HashMap<>();
        names.keySet().forEach(id -> stored.put(id, sql.string("select legal_name_enc from casefile where id = ?",
                id)));
        assertThat(sealedValues.openAll("casefile", "legal_name_enc", stored)).isEqualTo(names);

        java.util.Iterator<Long> ids = stored.keySet().iterator();
        long one = ids.next();
        long other = ids.next();
        java.util.Map<Long, String> moved = new java.util.HashMap<>(stored);
        moved.put(other, stored.get(one));
        assertThatThrownBy(() -> sealedValues.openAll("casefile", "legal_name_enc", moved))
                .as("another row's value").hasStackTraceContaining("casefile/legal_name_enc/" + other);
    }

    private void movedValuesDoNotOpen(Sql sql, long first, long second, String sealedFirst, String sealedSecond,
                                      String canary) throws Exception {
        sql.update("update casefile set legal_name_enc = ? where id = ?", sealedFirst, second);
        assertThatThrownBy(() -> name(second)).as("another case file's name")
                .hasStackTraceContaining("casefile/legal_name_enc/" + second);
        assertThat(serverLog()).contains("The sealed value at casefile/legal_name_enc/" + second + " does not open")
                .doesNotContain(canary);

        sql.update("update casefile set legal_name_enc = ? where id = ?", sealedSecond, second);
        assertThat(name(second)).as("its own name, put back").isEqualTo("ياسمين " + canary);

        String contact = sql.string("select contact_enc from casefile where id = ?", first);
        sql.update("update casefile set location_enc = ? where id = ?", contact, first);
        assertThatThrownBy(() -> name(first)).as("another column of the same row")
                .hasStackTraceContaining("casefile/location_enc/" + first);

        String summary = sql.string("select summary_enc from case_event where casefile_id = ? and kind = ?", second,
                "INTAKE_REGISTERED");
        assertThat(summary).startsWith("v2:case-" + second + ":");
        sql.update("update casefile set location_enc = ? where id = ?", summary, second);
        assertThatThrownBy(() -> name(second)).as("a value of the same case file's timeline")
                .hasStackTraceContaining("casefile/location_enc/" + second);
    }
}
