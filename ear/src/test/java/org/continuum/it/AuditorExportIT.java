package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.Urgency;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.reference.entity.Situation;
import org.continuum.report.boundary.AuditorExport;
import org.continuum.report.boundary.ReportService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S2/S18 for auditor exports on the real server: no canary identity in cases, grants or audit exports (CSV and XLSX),
 * pseudonyms stable within one export and different across exports, each export audited, auditors only.
 */
@ExtendWith(ArquillianExtension.class)
class AuditorExportIT {

    static final String NADIA = "nadia.auditor";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(AuditorExportIT.class, IntakeIT.class, Sql.class, DemoCodes.class, As.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    CaseFileService caseFiles;

    @Inject
    AuditorExport exports;

    @Inject
    ReportService reports;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    @Inject
    ReauthenticationService reauth;

    /** An export is a step-up action: the auditor's password and a fresh code (the demo secret is public). */
    private void stepUp() throws Exception {
        if (As.user(NADIA, Roles.AUDITOR, () -> exports.stepUpNeeded())) {
            String code = DemoCodes.nextCode(dataSource, NADIA);
            assertThat(As.user(NADIA, Roles.AUDITOR, () -> reauth.reauthenticate("Demo-Auditor-2026".toCharArray(),
                    code))).isTrue();
        }
    }

    private String csv(AuditorExport.Dataset dataset) throws Exception {
        return csv(dataset, null);
    }

    /** An export of the last two days, in this language's words, or as codes (null). */
    private String csv(AuditorExport.Dataset dataset, String language) throws Exception {
        stepUp();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        As.run(NADIA, Roles.AUDITOR, () -> exports.csv(dataset, today.minusDays(1), today, language, out));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> records(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void reportsShowSmallCellsAsLessThanFive() throws Exception {
        As.user("amira.caseworker", Roles.CASEWORKER, () -> intake.register(new org.continuum.casefile.control
                .IntakeRequest("Birch-IS", "Einar " + System.nanoTime(), null, null,
                Situation.PROFESSIONAL_DEFENDER, "IS", List.of("en"),
                RequestType.LEGAL_SUPPORT, Urgency.STANDARD,
                Channel.EMAIL, true)));
        var report = As.user(NADIA, Roles.AUDITOR, () -> reports.report());
        var byCountry = report.breakdowns().stream().filter(b -> b.key().equals("report.byCountry")).findFirst()
                .orElseThrow();
        assertThat(byCountry.cells()).filteredOn(c -> c.labels().equals(List.of("IS")))
                .singleElement().satisfies(c -> {
                    assertThat(c.shown()).isEqualTo("<5");
                    assertThat(c.percent()).as("no bar length that would tell the count").isZero();
                });
        assertThat(report.breakdowns()).extracting(ReportService.Breakdown::key).as("sealed facts still counted")
                .contains("report.relocationsByDestination", "report.referralsByPartner");
        for (var breakdown : report.breakdowns()) {
            assertThat(breakdown.cells()).allSatisfy(c -> assertThat(c.shown()).matches("<5|0|[5-9]|\\d{2,}"));
        }
        assertThat(As.user("claire.coordinator", Roles.COORDINATOR, () -> reports.report()).scope()).isEqualTo("MENA");
        assertThatThrownBy(() -> As.user("amira.caseworker", Roles.CASEWORKER, () -> reports.report()))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void exportsCarryNoIdentityAndPseudonymsDoNotLinkAcrossExports() throws Exception {
        String canary = "Ольга CANARY-EXPORT-" + System.nanoTime();
        As.user("amira.caseworker", Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Sequoia", canary,
                Urgency.HIGH)));
        // A refusal whose audit detail names the id that was asked for: the export must not carry it.
        assertThatThrownBy(() -> As.user("amira.caseworker", Roles.CASEWORKER, () -> caseFiles.view(987_654_321L)))
                .isInstanceOf(CaseAccessDenied.class);
        String cases = csv(AuditorExport.Dataset.CASES);
        String audit = csv(AuditorExport.Dataset.AUDIT);
        String grants = csv(AuditorExport.Dataset.GRANTS);
        for (String export : List.of(cases, audit, grants)) {
            assertThat(export).doesNotContain("CANARY-EXPORT", "Ольга", "Sequoia", "Signal", "+7 900", "Kazan",
                    "Vakhitovsky");
        }
        List<CSVRecord> rows = records(cases);
        long caseFiles = new Sql(dataSource).count("select count(*) from casefile");
        assertThat(rows).hasSize((int) caseFiles);
        Set<String> first = rows.stream().map(r -> r.get("pseudonym")).collect(Collectors.toSet());
        assertThat(first).hasSize(rows.size()).allMatch(p -> p.matches("P-[A-Z0-9]{10}"));
        Map<List<String>, Long> classes = rows.stream().collect(Collectors.groupingBy(r -> List.of(r.get("team"),
                r.get("country"), r.get("situation"), r.get("destination_country"), r.get("created")),
                Collectors.counting()));
        assertThat(classes).as("k-anonymity: every combination of the quasi-identifiers shared by 5 rows or more")
                .allSatisfy((combination, size) -> assertThat(size).as(combination.toString()).isGreaterThanOrEqualTo(5));
        assertThat(rows).extracting(r -> r.get("created")).allMatch(c -> c.matches("\\d{4}(-\\d{2})?|\\*"));
        assertThat(new Sql(dataSource).strings("select detail from audit_event where action = 'EXPORT_GENERATED'"
                + " and actor = ? and detail like 'cases csv%' order by id desc", NADIA)).first().asString()
                .as("the export's audit row says how it was generalised").matches("cases csv rows=\\d+ k=5 level=\\w+ hidden=\\d+ codes");
        Set<String> second = records(csv(AuditorExport.Dataset.CASES)).stream().map(r -> r.get("pseudonym"))
                .collect(Collectors.toSet());
        assertThat(second).as("another export, other pseudonyms").doesNotContainAnyElementsOf(first);
        assertThat(records(audit)).extracting(r -> r.get("action")).contains("CASE_CREATED");
        assertThat(records(audit)).extracting(r -> r.get("detail")).as("no reference or id joins the audit export"
                + " to another export").noneMatch(d -> d.matches("(?s).*\\b[A-Z]{1,3}-\\d{4}-\\d{3,}.*")
                || d.matches("(?s).*\\b(glass|change|requested)=\\d.*"))
                .contains("not-found requested=#");
        assertThat(records(grants)).extracting(r -> r.get("grant")).as("grants appear as pseudonyms of this export")
                .allMatch(g -> g.matches("G-[A-Z0-9]{10}"));

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        stepUp();
        long total = As.user(NADIA, Roles.AUDITOR, () -> exports.xlsx(today, today, null, xlsx));
        assertThat(total).isGreaterThan(caseFiles);
        StringBuilder all = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        java.nio.file.Files.write(file, xlsx.toByteArray());
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(entry)) {
                    all.append(entry.getName()).append('\n')
                            .append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(all.toString()).contains("name=\"cases\"", "name=\"grants\"", "name=\"audit\"", "P-")
                .doesNotContain("CANARY-EXPORT", "Ольга", "Kazan", "Vakhitovsky");
        assertThatThrownBy(() -> As.user("amira.caseworker", Roles.CASEWORKER, () -> exports.csv(
                AuditorExport.Dataset.CASES, null, null, null, new ByteArrayOutputStream())))
                .isInstanceOf(EJBAccessException.class);
        assertThat(new Sql(dataSource).count("select count(*) from audit_event where actor = ?"
                + " and action = 'EXPORT_GENERATED'", NADIA)).isGreaterThanOrEqualTo(5);
    }

    /**
     * Issue 20: an export for people reads as the interface does, in the reader's language (column names, phases,
     * countries, grant statuses), with a byte order mark so that a spreadsheet reads it as UTF-8; the codes stay
     * available for analysis tools; pseudonyms, amounts and periods are the same in both.
     */
    @Test
    void exportsSpeakTheReadersWordsOrTheCodes() throws Exception {
        As.user("amira.caseworker", Roles.CASEWORKER, () -> intake.register(new org.continuum.casefile.control
                .IntakeRequest("Words-" + System.nanoTime() % 100_000, "Rami " + System.nanoTime(), null, null,
                Situation.IN_COUNTRY_OF_DANGER, "LB", List.of("ar"), RequestType.RELOCATION, Urgency.HIGH,
                Channel.PHONE, true)));
        String codes = csv(AuditorExport.Dataset.CASES, null);
        String english = csv(AuditorExport.Dataset.CASES, "en");
        String arabic = csv(AuditorExport.Dataset.CASES, "ar");
        String frenchGrants = csv(AuditorExport.Dataset.GRANTS, "fr");

        assertThat(codes).as("codes: no byte order mark, the column names and values as stored")
                .startsWith("pseudonym,team,country,situation,request_type,urgency,channel,phase,risk_level,created,");
        assertThat(records(codes)).extracting(r -> r.get("request_type")).contains("RELOCATION");

        assertThat(english).startsWith("\uFEFFPseudonym,Team,Country,Situation,Request type,Urgency,Channel,Phase,");
        List<CSVRecord> words = records(english.substring(1));
        assertThat(words).hasSameSizeAs(records(codes));
        assertThat(words).extracting(r -> r.get("Request type")).contains("Relocation")
                .doesNotContain("RELOCATION", "EMERGENCY_AID");
        assertThat(words).extracting(r -> r.get("Phase")).contains("Triage and verification").noneMatch(v -> v.matches("[A-Z_]{4,}"));
        assertThat(words).extracting(r -> r.get("Urgency")).contains("High");
        assertThat(words).extracting(r -> r.get("Country")).as("a country by its name, or hidden for k-anonymity")
                .allMatch(c -> c.equals("*") || c.length() > 2);

        assertThat(arabic).startsWith("\uFEFF").contains("الاسم المستعار", "المرحلة", "النقل")
                .doesNotContain("RELOCATION", "INTAKE");
        assertThat(records(frenchGrants.substring(1)).stream().map(r -> r.get("Statut")).toList())
                .as("grant statuses in French").noneMatch(v -> v.matches("[A-Z_]{4,}"));
        assertThat(frenchGrants).startsWith("\uFEFFPseudonyme du dossier,Aide,Fonds,Catégorie,Montant,Devise,Statut");
        assertThat(new Sql(dataSource).strings("select detail from audit_event where action = 'EXPORT_GENERATED'"
                + " and actor = ? order by id desc", NADIA)).first().asString().endsWith(" words");
    }

    @Test
    void anExportNeedsAFreshStepUp() throws Exception {
        String auditor = "test.auditor" + System.nanoTime() % 100_000;
        As.run("admin", Roles.ADMIN, () -> administration.create(new AccountAdministration.NewAccount(auditor,
                "Auditor", null, java.util.EnumSet.of(org.continuum.identity.entity.Role.AUDITOR), null, "en",
                "Quiet-Harbour-Maple-55".toCharArray())));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThatThrownBy(() -> As.run(auditor, Roles.AUDITOR, () -> exports.csv(AuditorExport.Dataset.CASES,
                today, today, "en", new ByteArrayOutputStream())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("export.reauth.required"));
        assertThat(new Sql(dataSource).count("select count(*) from audit_event where actor = ?"
                + " and action = 'EXPORT_GENERATED'", auditor)).as("nothing exported").isZero();
    }

    @Inject
    AccountAdministration administration;
}
