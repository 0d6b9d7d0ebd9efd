import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * Staff load against a running demo server, through the real pages: the two-step login (password, then the
 * second-factor code computed from the demo account's public secret in seeds/demo/users.csv), then the pages people
 * use. JDK only, run as a single-file program:
 *
 *   java tools/bench/StaffLoad.java pages  BASE_URL USERS SECONDS   (P2: dashboard, case list, case page)
 *   java tools/bench/StaffLoad.java export BASE_URL                 (P4: auditor export, CSV then XLSX)
 *   java tools/bench/StaffLoad.java cost   BASE_URL SERVER_PID [N]  (P2's pages one at a time: CPU per request)
 *
 * P2: USERS virtual users of mixed roles (caseworkers, mentors, coordinators), each logged in once, then looping with
 * a think time of 0.5 to 1.5 s: the dashboard, the case list (first page, then sorted by each sortable column in
 * both directions, the next page, a phase filter) and a case page picked from the list. Response times are measured
 * at the client on the loopback interface (so they include the server's time and the transfer); errors are non-2xx
 * answers, error pages, ajax errors, and any answer that lands on the login page.
 *
 * Cost: one user at a time (a caseworker, a mentor, a coordinator who also mentors, a coordinator), each P2 request
 * sent N times (default 200) in a row after N/2 unmeasured ones, and the CPU time the server's process (and, when one
 * runs on this machine, PostgreSQL's processes) spent meanwhile, read from /proc, divided by N. With nothing queued, a
 * change of a page's cost shows here in a minute, where P2's response times under 50 users move by a third from run
 * to run on a shared machine.
 */
public class StaffLoad {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CASE_LINK = Pattern.compile("case.xhtml\\?id=(\\d+)");
    private static final String[] SORT_KEYS = {"reference", "pseudonym", "phase", "urgency", "country", "createdAt"};
    private static final String[] PHASES = {"TRIAGE", "RISK_ASSESSMENT", "PROTECTION_PLAN", "EXILE_SUPPORT", "CLOSED"};
    static final List<String> CASE_STAFF = List.of("amira.caseworker", "ivan.caseworker", "sofia.mentor",
            "nika.mentor", "karim.lead", "claire.coordinator", "omar.coordinator", "elena.coordinator",
            "pavel.coordinator");

    record Account(String username, String password, String secret) {
    }

    static final Map<String, Account> ACCOUNTS = new LinkedHashMap<>();
    /** The last second-factor step used per account: the server accepts each step once. */
    static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    static String base;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StaffLoad pages BASE_URL USERS SECONDS | StaffLoad export BASE_URL"
                    + " | StaffLoad cost BASE_URL SERVER_PID [N] | StaffLoad failover BASE_URL USERS SECONDS");
            System.exit(2);
        }
        base = args[1].replaceAll("/$", "");
        readAccounts(Path.of("seeds/demo/users.csv"));
        if (args[0].equals("pages")) {
            pages(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args[0].equals("failover")) {
            failover(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args[0].equals("cost")) {
            cost(Long.parseLong(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 200);
        } else {
            export();
        }
    }

    static void readAccounts(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = null;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            List<String> cells = List.of(line.split(",", -1));
            if (header == null) {
                header = cells;
                continue;
            }
            ACCOUNTS.put(cells.get(header.indexOf("username")), new Account(cells.get(header.indexOf("username")),
                    cells.get(header.indexOf("password")), cells.get(header.indexOf("totp_secret"))));
        }
    }

    /** One browser: its own cookies. */
    static final class Session {
        // HTTP/1.1, as a browser speaks to a plain-http server (browsers use HTTP/2 over TLS only). The client's
        // default upgrades to cleartext HTTP/2, which no browser does; a GOAWAY of the server on such a connection
        // failed one request of a run.
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        /**
         * The same browser, for a form whose answer is a redirect the caller reads itself (TransitionLoad: a task
         * completed is sent to the inbox; not following it keeps the session's views to those of the forms).
         */
        final HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        final String username;
        String viewState;
        /** Set when the server answered with the login page: the session is gone (failover mode logs in again). */
        volatile boolean loggedOut;

        Session(String username) {
            this.username = username;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET()
                    .build());
        }

        /**
         * Sends once more, as a browser does, when a kept-alive connection turns out closed before any byte of the
         * answer came (the request never reached the page); each such resend is counted and printed, and its time
         * is part of the request's.
         */
        HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return send(http, request);
        }

        HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                    throw e;
                }
                RESENT.incrementAndGet();
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            }
        }

        /** A form posted without following the answer's redirect (its Location tells where it went). */
        HttpResponse<String> postDirect(String path, Map<String, String> form)
                throws IOException, InterruptedException {
            return send(direct, HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
        }

        HttpResponse<String> post(String path, Map<String, String> form, boolean ajax)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
            if (ajax) {
                request.header("Faces-Request", "partial/ajax");
            }
            return send(request.build());
        }

        void logIn() throws IOException, InterruptedException {
            Account account = ACCOUNTS.get(username);
            HttpResponse<String> page = get("/login.xhtml");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("login", "login");
            form.put("login:username", username);
            form.put("login:password", account.password());
            form.put("login:submit", "");
            form.put("jakarta.faces.ViewState", viewState(page.body()));
            HttpResponse<String> codePage = post("/login.xhtml", form, false);
            Map<String, String> code = new LinkedHashMap<>();
            code.put("code", "code");
            code.put("code:value", nextCode(account));
            code.put("code:submit", "");
            code.put("jakarta.faces.ViewState", viewState(codePage.body()));
            HttpResponse<String> landed = post("/login.xhtml", code, false);
            if (!landed.uri().getPath().contains("/app/")) {
                throw new IllegalStateException(username + " did not log in (landed on " + landed.uri() + ")");
            }
        }
    }

    /** The code of a step this account has not used yet; waits for the next 30-second step when needed. */
    static String nextCode(Account account) throws InterruptedException {
        synchronized (account) {
            while (true) {
                long step = System.currentTimeMillis() / 30_000;
                Long last = LAST_STEP.get(account.username());
                if (last == null || step > last) {
                    LAST_STEP.put(account.username(), step);
                    return totp(account.secret(), step);
                }
                Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 200);
            }
        }
    }

    static String totp(String base32, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32Decode(base32), "HmacSHA1"));
            byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no view state in the page");
        }
        return m.group(1);
    }

    static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    // ---------------------------------------------------------------------------------------------------- P2

    static final Object LOGIN = new Object();
    static final Map<String, ConcurrentLinkedQueue<Long>> TIMES = new ConcurrentHashMap<>();
    static final Map<String, ConcurrentLinkedQueue<Long>> DASHBOARD_BY_ACCOUNT = new ConcurrentHashMap<>();
    static final AtomicLong ERRORS = new AtomicLong();
    static final AtomicLong RESENT = new AtomicLong();
    static final ConcurrentLinkedQueue<String> ERROR_EXAMPLES = new ConcurrentLinkedQueue<>();

    static List<Session> pages(int users, int seconds) throws Exception {
        List<Session> sessions = Collections.synchronizedList(new ArrayList<>());
        long loginStart = System.nanoTime();
        System.out.printf("P2: logging in %d users over %d accounts (each code step is used once per account)%n",
                users, CASE_STAFF.size());
        List<Thread> logins = new ArrayList<>();
        AtomicInteger failedLogins = new AtomicInteger();
        for (int i = 0; i < users; i++) {
            String username = CASE_STAFF.get(i % CASE_STAFF.size());
            Thread t = new Thread(() -> {
                Session s = new Session(username);
                try {
                    // One login at a time, as people arrive: a storm of concurrent password checks (PBKDF2) is not
                    // what is measured, and failed logins would trip the per-address throttle.
                    Account account = ACCOUNTS.get(username);
                    synchronized (account) {
                        // Wait for a code step this account has not used, outside the global login lock.
                        long last = LAST_STEP.getOrDefault(username, -1L);
                        while (System.currentTimeMillis() / 30_000 <= last) {
                            Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 200);
                        }
                        synchronized (LOGIN) {
                            s.logIn();
                        }
                    }
                    sessions.add(s);
                } catch (Exception e) {
                    failedLogins.incrementAndGet();
                    System.out.println("login failed: " + e);
                }
            });
            t.start();
            logins.add(t);
        }
        for (Thread t : logins) {
            t.join();
        }
        System.out.printf("P2: %d sessions in %d s, %d failed logins%n", sessions.size(),
                (System.nanoTime() - loginStart) / 1_000_000_000L, failedLogins.get());
        if (failoverMode) {
            runStart = System.nanoTime();
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long warmEnd = System.nanoTime() + Math.min(30, seconds / 4) * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(sessions.size());
        AtomicLong iterations = new AtomicLong();
        for (Session s : sessions) {
            new Thread(() -> {
                Random random = new Random(s.hashCode());
                try {
                    while (System.nanoTime() < end) {
                        iterate(s, random, System.nanoTime() > warmEnd);
                        iterations.incrementAndGet();
                        if (failoverMode && s.loggedOut) {
                            logInAgain(s);
                        }
                    }
                } catch (Exception e) {
                    error(s.username + " stopped: " + e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        System.out.printf(Locale.ROOT, "P2: %d users, %d s (first %d s not counted), %d iterations, %d errors,"
                        + " %d requests resent on a closed kept-alive connection%n", sessions.size(), seconds,
                Math.min(30, seconds / 4), iterations.get(), ERRORS.get(), RESENT.get());
        List<Long> all = new ArrayList<>();
        TIMES.keySet().stream().sorted().forEach(kind -> {
            List<Long> times = new ArrayList<>(TIMES.get(kind));
            all.addAll(times);
            print(kind, times);
        });
        print("ALL", all);
        // The dashboard differs most between people (a mentor of 41,000 case files, a coordinator's grant desk).
        DASHBOARD_BY_ACCOUNT.keySet().stream().sorted().forEach(user ->
                print("  dashboard of " + user, new ArrayList<>(DASHBOARD_BY_ACCOUNT.get(user))));
        ERROR_EXAMPLES.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        return sessions;
    }

    // ---------------------------------------------------------------------------------------------------- failover

    /** Per second of the run: requests answered, failed, and answered with the login page (a session lost). */
    static final Map<Long, long[]> TIMELINE = new ConcurrentHashMap<>();
    static final AtomicLong LOGGED_OUT = new AtomicLong();
    static final AtomicLong LOGINS_AGAIN = new AtomicLong();
    static final AtomicLong STACK_TRACES = new AtomicLong();
    static volatile long runStart;
    static boolean failoverMode;

    /**
     * The P2 load through the cluster's balancer while tools/cluster-failover.sh kills and restarts nodes: prints,
     * second by second (from the end of the logins) where anything failed, what the users saw; a user sent to the
     * login page logs in again, as a person would (counted); at the end, whether each session is still logged in.
     */
    static void failover(int users, int seconds) throws Exception {
        failoverMode = true;
        List<Session> sessions = pages(users, seconds);
        long ok = 0;
        long failed = 0;
        List<Long> seconds0 = new ArrayList<>(TIMELINE.keySet());
        Collections.sort(seconds0);
        for (long second : seconds0) {
            long[] counts = TIMELINE.get(second);
            ok += counts[0];
            failed += counts[1] + counts[2];
            if (counts[1] + counts[2] > 0) {
                System.out.printf(Locale.ROOT, "failover: second %d: %d answered, %d failed, %d sent to log in%n",
                        second, counts[0], counts[1], counts[2]);
            }
        }
        int stillIn = 0;
        for (Session s : sessions) {
            HttpResponse<String> page = s.get("/app/dashboard.xhtml");
            if (page.statusCode() == 200 && page.uri().getPath().endsWith("/app/dashboard.xhtml")) {
                stillIn++;
            }
        }
        System.out.printf(Locale.ROOT, "failover: %d requests answered, %d failed (%d of them the login page);"
                + " %d logins again; %d of %d sessions logged in at the end; %d failed pages showed a stack trace%n",
                ok, failed, LOGGED_OUT.get(), LOGINS_AGAIN.get(), stillIn, sessions.size(), STACK_TRACES.get());
    }

    static void logInAgain(Session s) {
        Account account = ACCOUNTS.get(s.username);
        try {
            synchronized (account) {
                long last = LAST_STEP.getOrDefault(s.username, -1L);
                while (System.currentTimeMillis() / 30_000 <= last) {
                    Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 200);
                }
                s.logIn();
            }
            s.loggedOut = false;
            LOGINS_AGAIN.incrementAndGet();
        } catch (Exception e) {
            error(s.username + " could not log in again: " + e);
        }
    }

    static void outcome(int kind) {
        if (runStart != 0) {
            TIMELINE.computeIfAbsent((System.nanoTime() - runStart) / 1_000_000_000L, k -> new long[3])[kind]++;
        }
    }

    // ---------------------------------------------------------------------------------------------------- cost

    static void cost(long serverPid, int repeats) throws Exception {
        System.out.printf(Locale.ROOT, "cost: every request below %d times unmeasured (the server compiles its hot"
                + " code), then each %d times in a row, one user at a time; CPU per request of the server and of"
                + " PostgreSQL (0 on H2)%n", repeats / 2, repeats);
        Map<Session, Map<String, Call>> plan = new LinkedHashMap<>();
        for (String username : List.of("amira.caseworker", "sofia.mentor", "karim.lead", "claire.coordinator")) {
            Session s = new Session(username);
            s.logIn();
            Matcher m = CASE_LINK.matcher(s.get("/app/cases.xhtml").body());
            String caseId = m.find() ? m.group(1) : null;
            Map<String, Call> calls = new LinkedHashMap<>();
            calls.put("dashboard", () -> s.get("/app/dashboard.xhtml"));
            calls.put("case-list", () -> {
                HttpResponse<String> list = s.get("/app/cases.xhtml");
                s.viewState = viewState(list.body());
                return list;
            });
            // The table's requests post to the view of the last case-list answer, as a browser would.
            calls.put("case-list sort", () -> s.post("/app/cases.xhtml", tableAjax(s, "sort", "reference", 1, null),
                    true));
            calls.put("case-list next page", () -> s.post("/app/cases.xhtml", tableAjax(s, "page", null, 0, null),
                    true));
            if (caseId != null) {
                calls.put("case page", () -> s.get("/app/case.xhtml?id=" + caseId));
            }
            // -Dcost.only=dashboard keeps the requests whose name starts so ("case-list": the list and its table's
            // requests), e.g. under a profiler.
            String only = System.getProperty("cost.only");
            if (only != null) {
                calls.keySet().removeIf(name -> !name.startsWith(only));
            }
            plan.put(s, calls);
        }
        for (int i = 0; i < repeats / 2; i++) {
            for (Map.Entry<Session, Map<String, Call>> user : plan.entrySet()) {
                for (Map.Entry<String, Call> call : user.getValue().entrySet()) {
                    timed(user.getKey(), call.getKey(), false, call.getValue());
                }
            }
        }
        double[] total = new double[2];
        for (Map.Entry<Session, Map<String, Call>> user : plan.entrySet()) {
            for (Map.Entry<String, Call> call : user.getValue().entrySet()) {
                if (call.getKey().startsWith("case-list ")) {
                    user.getValue().get("case-list").call();
                }
                long errors = ERRORS.get();
                long[] before = cpuTicks(serverPid);
                long start = System.nanoTime();
                for (int i = 0; i < repeats; i++) {
                    timed(user.getKey(), call.getKey(), false, call.getValue());
                }
                long wall = System.nanoTime() - start;
                long[] after = cpuTicks(serverPid);
                double server = ticksToMillis(after[0] - before[0], repeats);
                double database = ticksToMillis(after[1] - before[1], repeats);
                total[0] += server;
                total[1] += database;
                System.out.printf(Locale.ROOT, "cost %-18s %-20s server %6.2f ms  postgresql %6.2f ms  wall %6.2f ms"
                        + "  errors %d%n", user.getKey().username, call.getKey(), server, database, wall / 1e6 / repeats,
                        ERRORS.get() - errors);
            }
        }
        System.out.printf(Locale.ROOT, "cost SUM of the rows above: server %.1f ms, postgresql %.1f ms%n", total[0],
                total[1]);
        ERROR_EXAMPLES.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
    }

    /** User and system CPU ticks of the server's process, and of every process named postgres on this machine. */
    static long[] cpuTicks(long serverPid) throws IOException {
        long postgres = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path dir : processes.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readString(dir.resolve("comm")).strip().equals("postgres")) {
                        postgres += ticks(dir);
                    }
                } catch (IOException ended) {
                    // the process ended meanwhile
                }
            }
        }
        return new long[] {ticks(Path.of("/proc", Long.toString(serverPid))), postgres};
    }

    static long ticks(Path processDir) throws IOException {
        String stat = Files.readString(processDir.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** /proc counts in clock ticks of 1/100 s on Linux. */
    static double ticksToMillis(long ticks, int repeats) {
        return ticks * 10.0 / repeats;
    }

    static void print(String kind, List<Long> micros) {
        Collections.sort(micros);
        if (micros.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "P2 %-28s n=%6d p50=%6.1f ms p95=%6.1f ms p99=%6.1f ms max=%7.1f ms%n", kind,
                micros.size(), pct(micros, 50), pct(micros, 95), pct(micros, 99),
                micros.get(micros.size() - 1) / 1000.0);
    }

    static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }

    static void iterate(Session s, Random random, boolean counted) throws Exception {
        timed(s, "dashboard", counted, () -> s.get("/app/dashboard.xhtml"));
        think(random);
        HttpResponse<String> list = timed(s, "case-list", counted, () -> s.get("/app/cases.xhtml"));
        if (list == null) {
            return;
        }
        s.viewState = viewState(list.body());
        String key = SORT_KEYS[random.nextInt(SORT_KEYS.length)];
        int dir = random.nextBoolean() ? 1 : -1;
        HttpResponse<String> sorted = timed(s, "case-list sort " + key, counted,
                () -> s.post("/app/cases.xhtml", tableAjax(s, "sort", key, dir, null), true));
        think(random);
        timed(s, "case-list next page", counted,
                () -> s.post("/app/cases.xhtml", tableAjax(s, "page", null, 0, null), true));
        think(random);
        timed(s, "case-list filter phase", counted, () -> s.post("/app/cases.xhtml",
                tableAjax(s, "filter", null, 0, PHASES[random.nextInt(PHASES.length)]), true));
        think(random);
        List<String> ids = new ArrayList<>();
        Matcher m = CASE_LINK.matcher(sorted == null ? list.body() : sorted.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (!ids.isEmpty()) {
            String id = ids.get(random.nextInt(ids.size()));
            timed(s, "case page", counted, () -> s.get("/app/case.xhtml?id=" + id));
            think(random);
        }
    }

    /**
     * The form PrimeFaces posts for a sort, a page or a filter of the case table, as captured from Chromium. Without
     * the page's view state the server would not find the view and would render a fresh page instead (that is no
     * longer counted as an answer: see {@link #timed}).
     */
    static Map<String, String> tableAjax(Session s, String kind, String sortKey, int dir, String phase) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "cases:table");
        form.put("jakarta.faces.partial.execute", "cases:table");
        form.put("jakarta.faces.partial.render", "cases:table");
        form.put("cases:table", "cases:table");
        switch (kind) {
            case "sort" -> {
                form.put("cases:table_sorting", "true");
                form.put("cases:table_skipChildren", "true");
                form.put("cases:table_sortKey", "cases:table:" + sortKey);
                form.put("cases:table_sortDir", Integer.toString(dir));
            }
            case "page" -> {
                form.put("cases:table_pagination", "true");
                form.put("cases:table_first", "25");
                form.put("cases:table_rows", "25");
                form.put("cases:table_skipChildren", "true");
            }
            default -> form.put("cases:table_filtering", "true");
        }
        form.put("cases:table_encodeFeature", "true");
        form.put("cases", "cases");
        form.put("cases:legalName", "");
        form.put("cases:table_rppDD", "25");
        form.put("cases:table:reference:filter", "");
        form.put("cases:table:pseudonym:filter", "");
        form.put("cases:table:phaseFilter_input", phase == null ? "" : phase);
        form.put("cases:table:urgencyFilter_input", "");
        form.put("cases:table:country:filter", "");
        form.put("jakarta.faces.ViewState", s.viewState);
        return form;
    }

    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    static HttpResponse<String> timed(Session s, String kind, boolean counted, Call call) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = call.call();
            long micros = (System.nanoTime() - start) / 1000;
            String body = response.body();
            boolean ajax = body.startsWith("<?xml") && body.contains("partial-response");
            boolean askedAjax = "partial/ajax".equals(response.request().headers().firstValue("Faces-Request")
                    .orElse(null));
            if (response.statusCode() >= 400 || response.uri().getPath().endsWith("/login.xhtml")
                    || (ajax && (body.contains("<error>") || body.contains("<redirect")))
                    || ajax != askedAjax) {
                // A failed page must be the error page, never the server's insides (every page names two exception
                // classes in PrimeFaces' settings: a stack trace shows its frames).
                if (body.contains(".java:") || body.contains("Caused by:") || body.contains("\tat ")) {
                    STACK_TRACES.incrementAndGet();
                }
                boolean loggedOut = response.uri().getPath().endsWith("/login.xhtml")
                        || (ajax && body.contains("<redirect") && body.contains("login.xhtml"));
                if (loggedOut) {
                    LOGGED_OUT.incrementAndGet();
                    s.loggedOut = true;
                }
                outcome(loggedOut ? 2 : 1);
                error(s.username + " " + kind + " -> " + response.statusCode() + " " + response.uri());
                return null;
            }
            outcome(0);
            if (counted) {
                TIMES.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(micros);
                if (kind.equals("dashboard")) {
                    DASHBOARD_BY_ACCOUNT.computeIfAbsent(s.username, k -> new ConcurrentLinkedQueue<>()).add(micros);
                }
            }
            return response;
        } catch (Exception e) {
            outcome(1);
            error(s.username + " " + kind + " -> " + e);
            return null;
        }
    }

    static void error(String what) {
        ERRORS.incrementAndGet();
        if (ERROR_EXAMPLES.size() < 20) {
            ERROR_EXAMPLES.add(what);
        }
    }

    static void think(Random random) throws InterruptedException {
        Thread.sleep(500 + random.nextInt(1000));
    }

    // ---------------------------------------------------------------------------------------------------- P4

    static void export() throws Exception {
        Session auditor = new Session("nadia.auditor");
        auditor.logIn();
        for (String button : List.of("exports:casesCsv", "exports:allXlsx")) {
            HttpResponse<String> page = auditor.get("/app/exports.xhtml");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("exports", "exports");
            if (page.body().contains("exports:password")) {
                form.put("exports:password", ACCOUNTS.get("nadia.auditor").password());
                form.put("exports:code", nextCode(ACCOUNTS.get("nadia.auditor")));
            }
            form.put(button, "");
            form.put("jakarta.faces.ViewState", viewState(page.body()));
            long start = System.nanoTime();
            HttpResponse<InputStream> response = auditor.http.send(HttpRequest.newBuilder(
                            URI.create(base + "/app/exports.xhtml")).timeout(Duration.ofMinutes(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long rows;
            long bytes;
            long firstByte;
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                int first = in.read();
                firstByte = System.nanoTime() - start;
                if (first < 0) {
                    throw new IllegalStateException("empty answer");
                }
                if (button.endsWith("Csv")) {
                    long[] counted = countLines(in, first);
                    rows = counted[0] - 1;
                    bytes = counted[1];
                } else {
                    byte[] all = in.readAllBytes();
                    byte[] whole = new byte[all.length + 1];
                    whole[0] = (byte) first;
                    System.arraycopy(all, 0, whole, 1, all.length);
                    bytes = whole.length;
                    rows = xlsxRows(whole);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200 || type.contains("html")) {
                throw new IllegalStateException("export " + button + " answered " + response.statusCode() + " " + type);
            }
            System.out.printf(Locale.ROOT, "P4 %s: %,d rows, %,d bytes, first byte %.2f s, total %.2f s, %,.0f rows/s%n",
                    button.endsWith("Csv") ? "cases CSV" : "all XLSX (cases, grants, audit period)", rows, bytes,
                    firstByte / 1e9, seconds, rows / seconds);
        }
    }

    static long[] countLines(InputStream in, int first) throws IOException {
        long lines = first == '\n' ? 1 : 0;
        long bytes = 1;
        byte[] buffer = new byte[1 << 16];
        int n;
        boolean quoted = first == '"';
        while ((n = in.read(buffer)) > 0) {
            bytes += n;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '"') {
                    quoted = !quoted;
                } else if (buffer[i] == '\n' && !quoted) {
                    lines++;
                }
            }
        }
        return new long[] {lines, bytes};
    }

    static long xlsxRows(byte[] workbook) throws IOException {
        Path file = Files.createTempFile("p4-", ".xlsx");
        try {
            Files.write(file, workbook);
            long rows = 0;
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (entry.getName().startsWith("xl/worksheets/sheet")) {
                        String xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                        Matcher m = Pattern.compile("<row ").matcher(xml);
                        while (m.find()) {
                            rows++;
                        }
                        rows--;
                    }
                }
            }
            return rows;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
