import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests for help sent through the public form by many people at once, counted from their side: what the
 * application acknowledged (the page that shows a receipt code) and what failed. Then each acknowledged receipt code
 * is looked up on the public status page: a request acknowledged and then lost would be unknown there. Used by
 * tools/cluster-kill-under-load.sh (R1); the cluster needs the form's per-address limits raised for it.
 *
 * <pre>
 *   java tools/bench/RequestLoad.java run   BASE_URL CLIENTS SECONDS CODES_FILE   (receipt codes written, mode 600)
 *   java tools/bench/RequestLoad.java check BASE_URL CODES_FILE
 * </pre>
 */
public class RequestLoad {

    static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    static final Pattern RECEIPT = Pattern.compile("id=\"receiptCode\" dir=\"ltr\">([0-9 ]{19})</p>");
    static final Pattern PROBLEM = Pattern.compile("<li[^>]*>([^<]{1,200})</li>");
    /**
     * The form refuses a token younger than 3 s (continuum.request.minSeconds): a robot's speed. The token names
     * the second it was issued in, so 4 s and a little more are waited.
     */
    static final long TOKEN_AGE_MILLIS = 4100;

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static final AtomicLong SENT = new AtomicLong();
    static final AtomicLong ACKNOWLEDGED = new AtomicLong();
    static final AtomicLong FAILED = new AtomicLong();
    static final AtomicLong FORMS_FAILED = new AtomicLong();
    static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    static final Map<Long, long[]> BY_SECOND = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<String> CODES = new ConcurrentLinkedQueue<>();
    static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("run")) {
            run(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
        } else if (args.length == 3 && args[0].equals("check")) {
            check(args[1], Path.of(args[2]));
        } else {
            System.err.println("usage: RequestLoad run BASE_URL CLIENTS SECONDS CODES_FILE | RequestLoad check BASE_URL"
                    + " CODES_FILE");
            System.exit(2);
        }
    }

    static void run(String base, int clients, int seconds, Path codes) throws Exception {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread t = new Thread(() -> {
                int n = 0;
                // The clients start spread over the form's minimum age, not all in the same millisecond.
                pause(client * TOKEN_AGE_MILLIS / clients);
                while (System.nanoTime() < end) {
                    request(base, run + "-" + client + "-" + n++, start);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        Files.deleteIfExists(codes);
        Files.createFile(codes, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(codes, CODES);
        new TreeMap<>(BY_SECOND).forEach((second, c) -> {
            if (c[1] > 0) {
                System.out.printf(Locale.ROOT, "second %d: %d acknowledged, %d failed%n", second, c[0], c[1]);
            }
        });
        FAILURES.forEach((why, count) -> System.out.println("  failed " + count + " times: " + why));
        System.out.printf(Locale.ROOT, "R1 load: %d clients, %d s: %d requests sent, %d acknowledged, %d failed"
                        + " (%d forms could not be opened); at most %d requests in flight at once%n", clients,
                seconds, SENT.get(), ACKNOWLEDGED.get(), FAILED.get(), FORMS_FAILED.get(), MOST_IN_FLIGHT.get());
    }

    static void request(String base, String label, long start) {
        long opened;
        String token;
        try {
            HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/request/index.xhtml"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = TOKEN.matcher(form.body());
            if (form.statusCode() != 200 || !m.find()) {
                FORMS_FAILED.incrementAndGet();
                pause(500);
                return;
            }
            token = m.group(1);
            opened = System.currentTimeMillis(); // the token was issued before its page arrived
        } catch (IOException | InterruptedException e) {
            FORMS_FAILED.incrementAndGet();
            pause(500);
            return;
        }
        pause(opened + TOKEN_AGE_MILLIS - System.currentTimeMillis());
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("request", "request");
        fields.put("lang", "en");
        fields.put("token", token);
        fields.put("name", "Load " + label);
        fields.put("situation", "A request sent by the load client, " + label + ".");
        fields.put("country", "DE");
        fields.put("city", "");
        fields.put("needs", "EMERGENCY_AID");
        fields.put("languages", "en");
        fields.put("messenger", "");
        fields.put("consentStorage", "on");
        fields.put("send", "Send the request");
        fields.put("jakarta.faces.ViewState", "stateless");
        String boundary = "----load" + Long.toHexString(System.nanoTime());
        SENT.incrementAndGet();
        int now = IN_FLIGHT.incrementAndGet();
        MOST_IN_FLIGHT.accumulateAndGet(now, Math::max);
        long second = (System.nanoTime() - start) / 1_000_000_000L;
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/request/index.xhtml"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fields, boundary))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher receipt = RECEIPT.matcher(answer.body());
            if (answer.statusCode() == 200 && receipt.find()) {
                ACKNOWLEDGED.incrementAndGet();
                CODES.add(receipt.group(1));
                BY_SECOND.computeIfAbsent(second, s -> new long[2])[0]++;
            } else {
                Matcher problem = PROBLEM.matcher(answer.body());
                failed("HTTP " + answer.statusCode() + (problem.find() ? ": " + problem.group(1).strip() : ""), second);
            }
        } catch (IOException | InterruptedException e) {
            failed(e.getClass().getSimpleName(), second);
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }

    static void failed(String why, long second) {
        FAILED.incrementAndGet();
        FAILURES.computeIfAbsent(why, w -> new AtomicInteger()).incrementAndGet();
        BY_SECOND.computeIfAbsent(second, s -> new long[2])[1]++;
    }

    static byte[] multipart(Map<String, String> fields, String boundary) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        // No file, as a browser sends it: an empty part.
        text.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"files\"; filename=\"\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n\r\n")
                .append("--").append(boundary).append("--\r\n");
        body.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static void check(String base, Path codes) throws Exception {
        List<String> all = Files.readAllLines(codes);
        AtomicInteger found = new AtomicInteger();
        AtomicInteger unknown = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(all);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                for (String code = queue.poll(); code != null; code = queue.poll()) {
                    String form = "status=status&lang=en&check=Show+my+request&jakarta.faces.ViewState=stateless"
                            + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
                    try {
                        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                                        URI.create(base + "/request/status.xhtml")).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.body().contains("id=\"found\"")) {
                            found.incrementAndGet();
                        } else if (answer.body().contains("id=\"unknown\"")) {
                            unknown.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        other.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf(Locale.ROOT, "R1 check: %d acknowledged receipt codes: %d found, %d unknown (lost), %d not"
                + " answered%n", all.size(), found.get(), unknown.get(), other.get());
        System.exit(found.get() == all.size() ? 0 : 1);
    }

    static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
