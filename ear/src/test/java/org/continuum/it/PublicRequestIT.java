package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.casefile.control.IntakeRequest;
import org.continuum.casefile.entity.Channel;
import org.continuum.reference.entity.Situation;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.Urgency;
import org.continuum.intake.boundary.MailIntakeService;
import org.continuum.intake.boundary.PublicRequestService;
import org.continuum.intake.boundary.RequesterMessages;
import org.continuum.intake.control.PublicGate;
import org.continuum.intake.control.PublicRequest;
import org.continuum.intake.entity.MailIntake;
import org.continuum.intake.entity.RequestMessage;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The public request form's boundary on the real server and database: a request lands sealed in the team's queue,
 * is registered through the same intake as a mail draft, and its receipt code brings the person back to the team's
 * messages, which they answer; floods and wrong codes are refused and store nothing; the public pages set no cookie
 * and name no other site.
 */
@ExtendWith(ArquillianExtension.class)
class PublicRequestIT {

    private static final String AMIRA = "amira.caseworker";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(PublicRequestIT.class);
    }

    @Inject
    PublicRequestService service;

    @Inject
    PublicGate gate;

    @Inject
    MailIntakeService queue;

    @Inject
    RequesterMessages messages;

    @Inject
    org.continuum.document.boundary.CaseDocumentService documents;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    /** A client address of its own per test (TEST-NET-3), so one test's limits never refuse another's requests. */
    private final String address = "203.0.113." + (100 + CLIENTS.incrementAndGet());

    private static PublicRequest request(String name, String situation) {
        return new PublicRequest(name, situation, "LB", "بيروت", Set.of(RequestType.RELOCATION,
                RequestType.EMERGENCY_AID), List.of("ar", "fr"), "signal: layla.77",
                Set.of(PublicRequest.Never.PHONE_CALL), true, Set.of(RequestType.RELOCATION));
    }

    /** A form token as old as a person needs to fill the form (the server refuses younger ones). */
    private String agedToken() throws InterruptedException {
        String token = service.formToken();
        assertThat(Poll.until(Duration.ofSeconds(10), () -> gate.check(token).valid())).isTrue();
        return token;
    }

    @Test
    void aRequestIsSealedRegisteredLikeAMailDraftAndItsCodeBringsThePersonBackToTheTeamsMessages() throws Exception {
        Sql sql = new Sql(dataSource);
        String canary = "canary-" + UUID.randomUUID();
        String token = agedToken();
        String code = service.submit(request("ليلى " + canary, "They came at night. " + canary), token, address);
        assertThat(code).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
        String digits = code.replace(" ", "");

        assertThat(sql.count("select count(*) from mail_intake where channel = 'WEB_FORM' and status = 'DRAFT'"
                + " and (sender_enc like ? or body_enc like ? or details_enc like ?)", "%canary%", "%canary%",
                "%بيروت%")).as("sealed").isZero();
        assertThat(sql.count("select count(*) from mail_intake where receipt_hash like ? or receipt_index like ?",
                "%" + digits + "%", "%" + digits + "%")).as("the code is not stored").isZero();
        assertThat(sql.count("select count(*) from audit_event where detail like ?", "%" + canary + "%")).isZero();
        assertThatThrownBy(() -> service.submit(request("Again", "Again"), token, address))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("request.token.used"));

        var found = service.status(code.replace(" ", "-"), address).orElseThrow();
        assertThat(found.state()).isEqualTo(PublicRequestService.RoughState.RECEIVED);
        assertThat(found.messages()).isEmpty();
        assertThat(found.canAnswer()).as("nobody to answer to before the team registered it").isFalse();
        assertThat(service.status("0000 0000 0000 0000", address)).isEmpty();

        MailIntakeService.Row row = As.user(AMIRA, Roles.CASEWORKER, () -> queue.queue()).stream()
                .filter(r -> r.sender() != null && r.sender().contains(canary)).findFirst().orElseThrow();
        assertThat(row.channel()).isEqualTo(MailIntake.Channel.WEB_FORM);
        MailIntakeService.Prefill prefill = As.user(AMIRA, Roles.CASEWORKER, () -> queue.prefill(row.id()));
        assertThat(prefill.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(prefill.name()).isEqualTo("ليلى " + canary);
        assertThat(prefill.country()).isEqualTo("LB");
        assertThat(prefill.city()).isEqualTo("بيروت");
        assertThat(prefill.languages()).containsExactly("ar", "fr");
        assertThat(prefill.contact()).isEqualTo("signal: layla.77");
        var message = As.user(AMIRA, Roles.CASEWORKER, () -> queue.open(row.id()));
        assertThat(message.form().never()).containsExactly(PublicRequest.Never.PHONE_CALL);
        assertThat(message.text()).contains("They came at night.");
        assertThatThrownBy(() -> As.user("ivan.caseworker", Roles.CASEWORKER, () -> queue.prefill(row.id())))
                .as("another team's caseworker").isInstanceOf(CaseAccessDenied.class);

        var registered = As.user(AMIRA, Roles.CASEWORKER, () -> queue.convert(row.id(),
                new IntakeRequest(prefill.name(), "ليلى حداد", prefill.contact(), prefill.city(),
                        Situation.IN_COUNTRY_OF_DANGER, prefill.country(), prefill.languages(), prefill.need(),
                        Urgency.HIGH, prefill.channel(), true)));
        long caseId = registered.caseFileId();
        assertThat(service.status(code, address).orElseThrow().state())
                .isEqualTo(PublicRequestService.RoughState.IN_PROGRESS);

        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> messages.thread(caseId))).contains(List.of());
        As.user(AMIRA, Roles.CASEWORKER, () -> {
            messages.send(caseId, "Can you reach a safe place tonight? " + canary);
            return null;
        });
        assertThatThrownBy(() -> As.user("ivan.caseworker", Roles.CASEWORKER, () -> {
            messages.send(caseId, "not my case");
            return null;
        })).isInstanceOf(CaseAccessDenied.class);
        assertThatThrownBy(() -> As.user(AMIRA, Roles.CASEWORKER, () -> {
            messages.send(caseId, "   ");
            return null;
        })).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                .isEqualTo("requesterMessage.empty"));

        var back = service.status(code, address).orElseThrow();
        assertThat(back.messages()).singleElement().satisfies(m -> {
            assertThat(m.fromTeam()).isTrue();
            assertThat(m.text()).startsWith("Can you reach a safe place tonight?");
        });
        assertThat(back.canAnswer()).isTrue();
        var answered = service.answer(back.ticket(), "نعم، عند صديقة. " + canary, address);
        assertThat(answered.messages()).hasSize(2);
        assertThat(answered.messages().get(1).fromTeam()).isFalse();
        assertThatThrownBy(() -> service.answer(back.ticket().replace('r', 'x'), "forged", address))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("request.ticket.expired"));

        var thread = As.user(AMIRA, Roles.CASEWORKER, () -> messages.thread(caseId)).orElseThrow();
        assertThat(thread).extracting(RequesterMessages.Message::direction)
                .containsExactly(RequestMessage.Direction.TO_REQUESTER, RequestMessage.Direction.FROM_REQUESTER);
        assertThat(thread.get(1).text()).startsWith("نعم، عند صديقة.");
        assertThat(sql.count("select count(*) from request_message where body_enc like ?", "%canary%")).isZero();
        assertThat(sql.strings("select kind from case_event where casefile_id = ? and kind like 'MESSAGE%'"
                + " order by id", caseId)).containsExactly("MESSAGE_TO_REQUESTER", "MESSAGE_FROM_REQUESTER");
        assertThat(sql.count("select count(*) from notification where kind = 'REQUESTER_ANSWERED' and casefile_id = ?",
                caseId)).as("the team's caseworkers are told, without the text").isPositive();
        assertThat(sql.count("select count(*) from notification where recipient like '%@%' or link like ?",
                "%" + canary + "%")).as("nothing to the person").isZero();

        sql.update("update casefile set phase = 'CLOSED' where id = ?", caseId);
        var closed = service.status(code, address).orElseThrow();
        assertThat(closed.state()).isEqualTo(PublicRequestService.RoughState.CLOSED);
        assertThat(closed.canAnswer()).isFalse();
        assertThatThrownBy(() -> service.answer(back.ticket(), "still there?", address))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("request.answer.closed"));
    }

    private static byte[] jpegWithGps() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(20, 10,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        byte[] jpeg = out.toByteArray();
        byte[] exif = "Exif\0\0MM\0*GPSLatitude 33.8938N".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer withGps = java.nio.ByteBuffer.allocate(jpeg.length + exif.length + 4);
        withGps.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif)
                .put(jpeg, 2, jpeg.length - 2);
        return withGps.array();
    }

    private static byte[] pdf(boolean withScript) throws Exception {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            if (withScript) {
                document.getDocumentCatalog().setOpenAction(
                        new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert(1)"));
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void documentsOfARequestAreCheckedByContentStrippedSealedAndBecomeTheCasesWithAuditedDownloads() throws Exception {
        Sql sql = new Sql(dataSource);
        long documentsBefore = sql.count("select count(*) from case_document");
        long requestsBefore = sql.count("select count(*) from mail_intake where channel = 'WEB_FORM'");
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (var hostile : List.of(new PublicRequestService.Attachment("map.svg", svg),
                new PublicRequestService.Attachment("letter.pdf", pdf(true)),
                new PublicRequestService.Attachment("photo.jpg", pdf(false)),
                new PublicRequestService.Attachment("../../../tmp/evil.zip", new byte[] {'P', 'K', 3, 4, 0}))) {
            String token = agedToken();
            assertThatThrownBy(() -> service.submit(request("Files", "With a bad file"),
                    List.of(new PublicRequestService.Attachment("ok.pdf", pdf(false)), hostile), token, address))
                    .as(hostile.fileName()).isInstanceOf(InvalidInput.class);
        }
        assertThat(sql.count("select count(*) from case_document")).as("nothing stored").isEqualTo(documentsBefore);
        assertThat(sql.count("select count(*) from mail_intake where channel = 'WEB_FORM'")).isEqualTo(requestsBefore);

        String run = UUID.randomUUID().toString().substring(0, 8);
        String code = service.submit(request("Files " + run, "Two documents"), List.of(
                new PublicRequestService.Attachment("../passport (copy).jpg", jpegWithGps()),
                new PublicRequestService.Attachment("تقرير الشرطة.pdf", pdf(false))), agedToken(), address);
        assertThat(code).isNotBlank();
        assertThat(sql.count("select count(*) from case_document where file_name_enc like '%passport%'"
                + " or content_enc like 'JVBER%' or content_enc like '/9j/%'")).as("sealed").isZero();

        MailIntakeService.Row row = As.user(AMIRA, Roles.CASEWORKER, () -> queue.queue()).stream()
                .filter(r -> ("Files " + run).equals(r.sender())).findFirst().orElseThrow();
        assertThat(row.attachments()).isEqualTo(2);
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> queue.open(row.id())).attachments())
                .as("listed in the queue before registration")
                .extracting(MailIntakeService.AttachmentInfo::fileName)
                .containsExactly("passport (copy).jpg", "تقرير الشرطة.pdf");
        MailIntakeService.Prefill prefill = As.user(AMIRA, Roles.CASEWORKER, () -> queue.prefill(row.id()));
        long caseId = As.user(AMIRA, Roles.CASEWORKER, () -> queue.convert(row.id(), new IntakeRequest(prefill.name(),
                "Legal " + run, null, null, Situation.IN_COUNTRY_OF_DANGER, prefill.country(), prefill.languages(),
                prefill.need(), Urgency.STANDARD, prefill.channel(), true))).caseFileId();

        var listed = As.user(AMIRA, Roles.CASEWORKER, () -> documents.list(caseId));
        assertThat(listed).extracting(org.continuum.document.control.CaseDocuments.Listed::fileName)
                .containsExactly("passport (copy).jpg", "تقرير الشرطة.pdf");
        assertThat(listed).allMatch(d -> d.source() == org.continuum.document.entity.CaseDocument.Source.REQUESTER);
        var photo = As.user(AMIRA, Roles.CASEWORKER, () -> documents.download(listed.get(0).id()));
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(new String(photo.content(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("the position is gone").doesNotContain("GPS", "Exif");
        assertThat(sql.count("select count(*) from audit_event where action = 'DOCUMENT_DOWNLOADED' and casefile_id = ?",
                caseId)).isOne();
        assertThatThrownBy(() -> As.user("ivan.caseworker", Roles.CASEWORKER,
                () -> documents.download(listed.get(1).id()))).isInstanceOf(CaseAccessDenied.class);
        assertThat(sql.count("select count(*) from audit_event where action = 'DOCUMENT_DOWNLOADED'"
                + " and outcome = 'DENIED' and casefile_id = ?", caseId)).isOne();

        long staffDocument = As.user(AMIRA, Roles.CASEWORKER, () -> documents.upload(caseId,
                org.continuum.document.entity.CaseDocument.Kind.LEGAL, "Court summons", "summons.pdf", pdf(false)));
        assertThat(staffDocument).isPositive();
        assertThatThrownBy(() -> As.user(AMIRA, Roles.CASEWORKER, () -> documents.upload(caseId,
                org.continuum.document.entity.CaseDocument.Kind.OTHER, null, "evil.pdf", pdf(true))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("document.pdfActive"));
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> documents.list(caseId))).hasSize(3);

        var found = service.status(code, address).orElseThrow();
        assertThatThrownBy(() -> service.answer(found.ticket(), "With a bad file",
                List.of(new PublicRequestService.Attachment("x.pdf", pdf(true))), address))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("document.pdfActive"));
        service.answer(found.ticket(), "The summons they sent me",
                List.of(new PublicRequestService.Attachment("summons-2.pdf", pdf(false))), address);
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> documents.list(caseId)))
                .extracting(org.continuum.document.control.CaseDocuments.Listed::fileName)
                .as("the refused answer stored nothing; the next one brought its document")
                .containsExactly("passport (copy).jpg", "تقرير الشرطة.pdf", "summons.pdf", "summons-2.pdf");
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> messages.thread(caseId)).orElseThrow()).hasSize(1);
        assertThat(sql.strings("select kind from case_event where casefile_id = ? and kind = 'DOCUMENT_ADDED'", caseId))
                .hasSize(1);
    }

    @Test
    void aFloodFromOneAddressIsRefusedWithNothingStoredAndWrongCodesAreThrottled() throws Exception {
        Sql sql = new Sql(dataSource);
        long before = sql.count("select count(*) from mail_intake where channel = 'WEB_FORM'");
        for (int i = 0; i < 5; i++) {
            service.submit(request("Flood " + i, "Text " + i), agedToken(), address);
        }
        String token = agedToken();
        assertThatThrownBy(() -> service.submit(request("Flood 6", "Text 6"), token, address))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey()).isEqualTo("request.busy"));
        assertThat(sql.count("select count(*) from mail_intake where channel = 'WEB_FORM'")).isEqualTo(before + 5);
        assertThat(service.submit(request("Another person", "Text"), token, address + "1"))
                .as("another address still gets through").isNotBlank();

        assertThatThrownBy(() -> service.submit(request(null, null), agedToken(), address + "2"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKeys())
                        .contains("request.name.required", "request.situation.required"));

        for (int i = 0; i < 10; i++) {
            assertThat(service.status("1234 5678 9012 " + (1000 + i), address)).isEmpty();
        }
        assertThatThrownBy(() -> service.status("1234 5678 9012 3456", address))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("request.code.busy"));
    }

    @Test
    void thePublicPagesSetNoCookieNameNoOtherSiteAndTitleNothing() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = System.getProperty("continuum.baseUrl", "http://127.0.0.1:8180/continuum");
        for (String page : List.of("/request/", "/request/?lang=fa", "/request/status.xhtml?lang=sw")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + page))
                    .header("Accept-Language", "ru").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as(page + ": no cookie").isEmpty();
            Matcher urls = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+").matcher(response.body());
            while (urls.find()) {
                assertThat(urls.group()).as(page + ": only the XHTML namespace names a host")
                        .isEqualTo("http://www.w3.org");
            }
            assertThat(response.body()).as(page).doesNotContain("<script>", "primefaces", "jquery", "Continuum");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("default-src 'self'");
        }
        HttpResponse<String> ru = client.send(HttpRequest.newBuilder(URI.create(base + "/request/"))
                .header("Accept-Language", "de-DE, ru;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ru.body()).contains("lang=\"ru\"", "<title>Контакт</title>", "Отправить запрос");
        HttpResponse<String> fa = client.send(HttpRequest.newBuilder(URI.create(base + "/request/?lang=fa")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fa.body()).contains("dir=\"rtl\"", "خروج سریع");
        String boundary = "----continuum-test";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\nrequest\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.write(new byte[50 * 1024 * 1024 + 512 * 1024]); // over a file's 50 MB, under the post's 51 MB
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        HttpResponse<String> tooBig = client.send(HttpRequest.newBuilder(URI.create(base + "/request/index.xhtml?lang=ar"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).as("a post too large to read").isEqualTo(302);
        assertThat(tooBig.headers().allValues("Set-Cookie")).isEmpty();
        String problemPage = tooBig.headers().firstValue("Location").orElseThrow();
        assertThat(problemPage).endsWith("/request/problem.xhtml?lang=ar");
        HttpResponse<String> problem = client.send(HttpRequest.newBuilder(URI.create(base).resolve(problemPage))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(problem.body()).contains("id=\"problem\"", "لم يُحفظ شيء").doesNotContain("Continuum", "primefaces");
        assertThat(problem.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> exit = client.send(HttpRequest.newBuilder(URI.create(base + "/request/exit")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(exit.statusCode()).isEqualTo(303);
        assertThat(exit.headers().firstValue("Location").orElseThrow()).startsWith("https://");
        assertThat(exit.headers().allValues("Set-Cookie")).isEmpty();
    }
}
