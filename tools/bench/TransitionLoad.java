import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Staff moving cases on through the real pages, many at once, counted from their side (R1 on the cluster, with
 * tools/cluster-kill-transitions.sh): caseworkers, mentors and coordinators log in (password and second factor, as
 * StaffLoad does), then each of CLIENTS workers takes the next piece of work its person may do and does it the way
 * the form asks: a task from the inbox (triage, verification, risk assessment, protection plan, reassessment,
 * escalation approval, relocation, arrival, check-in, closure sign-off), or, for a coordinator, a grant awaiting
 * their decision or their payment (password and a fresh code when the step-up window is closed, as a person types
 * them). Every field is filled from the form itself: the choice already made or the first one offered, a text where
 * one is empty.
 *
 * <p>Each answer is sorted: acknowledged (a task sent back to the inbox, the grant page's "recorded" message: the
 * person saw it done), refused (the page says why: someone else did it first, a fund rule), gone (the work was no
 * longer there when opened, e.g. done by the attempt whose answer was lost), or failed (no answer, an error page, the
 * login page). A worker whose attempt failed opens the same work again, as a person would; a worker sent to the login
 * page logs in again. What was acknowledged is written to ACK_FILE for the database check: one line per transition,
 * {@code task <task id> <person>}, {@code decision <grant id> <person>}, {@code payment <grant id> <tranche> <person>}.
 *
 * <pre>
 *   java -cp CLASSES TransitionLoad BASE_URL CLIENTS SECONDS ACK_FILE   (StaffLoad compiled beside it)
 * </pre>
 */
public class TransitionLoad {

    static final Pattern TASK_LINK = Pattern.compile("task\\.xhtml\\?task=([0-9a-f-]{36})");
    static final Pattern GRANT_LINK = Pattern.compile("grant\\.xhtml\\?id=(\\d+)");
    static final Pattern FORM = Pattern.compile("<form id=\"([a-zA-Z]+)\"[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);
    static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    static final Pattern SELECT = Pattern.compile("<select([^>]*)>(.*?)</select>", Pattern.DOTALL);
    static final Pattern OPTION = Pattern.compile("<option([^>]*)>");
    static final Pattern TEXTAREA = Pattern.compile("<textarea([^>]*)>", Pattern.DOTALL);
    static final Pattern BUTTON = Pattern.compile("<button([^>]*)>");
    static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    static final Pattern MESSAGE = Pattern.compile("class=\"message (message-[a-z]+)\"[^>]*>([^<]*)</div>");
    /** The lists whose choice is the step itself: left empty, the first item offered is taken. */
    static final Pattern CHOOSE = Pattern.compile(
            "(?i)mentor|method|urgency|decision|level|documents|destination|likelihood|impact|category|weight");
    static final Pattern STACK_FRAME = Pattern.compile("at [a-z][\\w.$]+\\([\\w]+\\.java:\\d+\\)");
    static final Pattern AT_MOST = Pattern.compile("at most ([0-9]+\\.[0-9]{2}) ");
    /** The payment form's title: "… tranche 2/3". */
    static final Pattern TRANCHE = Pattern.compile("ui-panel-title\">[^<]*?(\\d+)/(\\d+)<");

    static String context;
    static final AtomicLong ATTEMPTS = new AtomicLong();
    static final AtomicLong ACKNOWLEDGED = new AtomicLong();
    static final AtomicLong REFUSED = new AtomicLong();
    static final AtomicLong GONE = new AtomicLong();
    static final AtomicLong FAILED = new AtomicLong();
    static final AtomicLong GONE_AFTER_FAILURE = new AtomicLong();
    static final AtomicLong LOGINS_AGAIN = new AtomicLong();
    static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();
    static final Map<String, AtomicInteger> ACK_BY_KIND = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> REFUSALS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    /** Per second of the run: acknowledged, refused or gone, failed, the most attempts in flight at once. */
    static final Map<Long, long[]> BY_SECOND = new ConcurrentHashMap<>();
    /** Work some worker holds or finished: never taken twice by this client. */
    static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();
    static final AtomicLong REFERENCES = new AtomicLong();
    static volatile long start;
    static volatile long end = Long.MAX_VALUE;
    static Path ackFile;

    /** One logged-in browser of one person, shared by a few workers; the work it may do, refreshed when empty. */
    static final class Desk {
        final StaffLoad.Session session;
        final boolean coordinator;
        final ConcurrentLinkedQueue<String> work = new ConcurrentLinkedQueue<>();
        long refreshedAt;

        Desk(StaffLoad.Session session, boolean coordinator) {
            this.session = session;
            this.coordinator = coordinator;
        }

        /** Reads the work this person may do into the queue; how many pieces. */
        int load() throws IOException, InterruptedException {
            synchronized (this) {
                refreshedAt = 0;
                String first = next();
                if (first == null) {
                    return 0;
                }
                work.add(first);
                return work.size();
            }
        }

        /** The next work item ("task:ID" or "grant:ID"), reading the inbox (and the grant desk) again when empty. */
        String next() throws IOException, InterruptedException {
            synchronized (this) {
                String item = work.poll();
                if (item != null || System.currentTimeMillis() - refreshedAt < 3_000) {
                    return item;
                }
                refreshedAt = System.currentTimeMillis();
                List<String> found = new ArrayList<>();
                HttpResponse<String> inbox = session.get("/app/tasks.xhtml");
                if (loggedOut(session, inbox)) {
                    return null;
                }
                Matcher m = TASK_LINK.matcher(inbox.body());
                while (m.find()) {
                    found.add("task:" + m.group(1));
                }
                if (coordinator) {
                    Matcher g = GRANT_LINK.matcher(session.get("/app/dashboard.xhtml").body());
                    while (g.find()) {
                        found.add("grant:" + g.group(1));
                    }
                }
                // Each desk starts at its own place in the list, so that desks of one role rarely meet.
                java.util.Collections.shuffle(found, new java.util.Random(hashCode() + refreshedAt));
                for (String f : found) {
                    if (!TAKEN.contains(f)) {
                        work.add(f);
                    }
                }
                return work.poll();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TransitionLoad BASE_URL CLIENTS SECONDS ACK_FILE");
            System.exit(2);
        }
        StaffLoad.base = args[0].replaceAll("/$", "");
        context = URI.create(StaffLoad.base).getPath();
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        ackFile = Path.of(args[3]);
        Files.deleteIfExists(ackFile);
        Files.createFile(ackFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        StaffLoad.readAccounts(Path.of("seeds/demo/users.csv"));
        List<String> people = StaffLoad.CASE_STAFF;
        List<Desk> workers = deal(people, clients);
        System.out.println("transitions: start");
        start = System.nanoTime();
        end = start + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Desk desk = workers.get(i);
            new Thread(() -> {
                try {
                    work(desk, end);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        report(seconds);
    }

    /**
     * Logs everyone in, then gives each person workers in proportion to the work their inbox (and grant desk) holds
     * (a person with nothing to do gets none), and each person as many sessions as keep a session's workers at seven
     * or fewer: a session keeps the last 15 pages it served, and a worker's form must still be among them when it
     * is sent. Returns one desk per worker.
     */
    static List<Desk> deal(List<String> people, int clients) throws Exception {
        Map<String, List<Desk>> desks = new ConcurrentHashMap<>();
        inParallel(people, person -> desks.computeIfAbsent(person, k -> new ArrayList<>()).add(openDesk(person)));
        Map<String, Integer> work = new LinkedHashMap<>();
        for (String person : people) {
            work.put(person, desks.containsKey(person) ? desks.get(person).get(0).load() : 0);
        }
        int total = work.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            throw new IllegalStateException("nobody has any work: start the cluster on generated cases");
        }
        Map<String, Integer> share = new LinkedHashMap<>();
        work.forEach((person, n) -> share.put(person, clients * n / total));
        String busiest = work.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        share.merge(busiest, clients - share.values().stream().mapToInt(Integer::intValue).sum(), Integer::sum);
        inParallel(people, person -> {
            int wanted = (share.get(person) + 6) / 7;
            while (desks.get(person).size() < wanted) {
                desks.get(person).add(openDesk(person));
            }
        });
        List<Desk> workers = new ArrayList<>();
        for (String person : people) {
            List<Desk> own = desks.getOrDefault(person, List.of());
            for (int i = 0; i < share.get(person); i++) {
                workers.add(own.get(i % own.size()));
            }
            System.out.printf(Locale.ROOT, "transitions: %s: %d pieces of work at the start, %d workers, %d"
                    + " sessions%n", person, work.get(person), share.get(person), own.size());
        }
        System.out.printf(Locale.ROOT, "transitions: %d workers, %d sessions, %d pieces of work at the start%n",
                workers.size(), desks.values().stream().mapToInt(List::size).sum(), total);
        return workers;
    }

    interface PersonTask {
        void run(String person) throws Exception;
    }

    static void inParallel(List<String> people, PersonTask task) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (String person : people) {
            Thread t = new Thread(() -> {
                try {
                    task.run(person);
                } catch (Exception e) {
                    System.out.println("transitions: " + person + ": " + e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** A session of this person, logged in with a code step not used before. */
    static Desk openDesk(String person) throws Exception {
        StaffLoad.Session s = new StaffLoad.Session(person);
        synchronized (StaffLoad.ACCOUNTS.get(person)) {
            try {
                s.logIn();
            } catch (IllegalStateException refused) {
                // The code's step was used by an earlier run (the server takes each step once): the next step.
                StaffLoad.LAST_STEP.put(person, System.currentTimeMillis() / 30_000);
                s.logIn();
            }
        }
        return new Desk(s, s.get("/app/dashboard.xhtml").body().contains("id=\"grantDesk\""));
    }

    static void work(Desk desk, long end) {
        String item = null;
        int tries = 0;
        while (System.nanoTime() < end) {
            try {
                if (desk.session.loggedOut) {
                    synchronized (desk) {
                        if (desk.session.loggedOut) {
                            StaffLoad.logInAgain(desk.session);
                            LOGINS_AGAIN.incrementAndGet();
                        }
                    }
                    continue;
                }
                if (item == null) {
                    item = desk.next();
                    tries = 0;
                    if (item == null) {
                        Thread.sleep(1_000);
                        continue;
                    }
                    if (!TAKEN.add(item)) {
                        item = null;
                        continue;
                    }
                }
                tries++;
                Outcome outcome = attempt(desk, item);
                if (outcome == Outcome.GONE && tries > 1) {
                    GONE_AFTER_FAILURE.incrementAndGet(); // done by the attempt whose answer was lost, or by another
                }
                if (outcome != Outcome.FAILED || tries >= 5) {
                    if (item.startsWith("grant:")) {
                        TAKEN.remove(item); // a grant comes back for its next decision or tranche
                    }
                    item = null;
                } else {
                    Thread.sleep(1_000); // then the same work again, as a person reloads the page
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failed(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst()
                        .orElse(""));
            }
        }
    }

    enum Outcome { ACKNOWLEDGED, REFUSED, GONE, FAILED, SKIPPED }

    static Outcome attempt(Desk desk, String item) throws InterruptedException {
        ATTEMPTS.incrementAndGet();
        int now = IN_FLIGHT.incrementAndGet();
        MOST_IN_FLIGHT.accumulateAndGet(now, Math::max);
        long[] second = second();
        synchronized (TransitionLoad.class) {
            second[3] = Math.max(second[3], now);
        }
        try {
            return open(desk.session, item.startsWith("task:") ? "/app/task.xhtml?task=" + item.substring(5)
                    : "/app/grant.xhtml?id=" + item.substring(6));
        } catch (IOException e) {
            return failed(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }

    /**
     * Opens a piece of work and does it. A form that asks for a step-up (password and code) is done under the
     * session's lock: the code is taken first (it may mean waiting for the next 30-second step), the page opened
     * again so the form sent is fresh, as a person's is; the session's other workers wait, and then find the step-up
     * passed (it holds for five minutes in that session) instead of each waiting for a code of their own.
     */
    static Outcome open(StaffLoad.Session s, String path) throws IOException, InterruptedException {
        HttpResponse<String> page = s.get(path);
        Outcome bad = badAnswer(s, page);
        if (bad != null || !page.body().contains("type=\"password\"")) {
            return bad != null ? bad : submit(s, page, null);
        }
        synchronized (s) {
            page = s.get(path);
            bad = badAnswer(s, page);
            if (bad != null || !page.body().contains("type=\"password\"")) {
                return bad != null ? bad : submit(s, page, null);
            }
            if (System.nanoTime() > end) {
                return Outcome.SKIPPED; // no waiting for a code once the run is over
            }
            String code = StaffLoad.nextCode(StaffLoad.ACCOUNTS.get(s.username));
            page = s.get(path);
            bad = badAnswer(s, page);
            return bad != null ? bad : submit(s, page, code);
        }
    }

    /** The page's form sent: a grant's (a grant's step in the inbox leads to its page) or a task's. */
    static Outcome submit(StaffLoad.Session s, HttpResponse<String> page, String code)
            throws IOException, InterruptedException {
        String query = String.valueOf(page.uri().getQuery());
        if (page.uri().getPath().endsWith("/app/grant.xhtml")) {
            return grant(s, page, query.replaceAll(".*id=(\\d+).*", "$1"), code);
        }
        return task(s, page, query.replaceAll(".*task=([0-9a-f-]+).*", "$1"), code);
    }

    static Outcome task(StaffLoad.Session s, HttpResponse<String> page, String taskId, String code)
            throws IOException, InterruptedException {
        Outcome bad;
        Map<String, String[]> forms = forms(page.body());
        if (!forms.containsKey("task")) {
            return counted(Outcome.GONE, null);
        }
        String kind = page.uri().getPath().replaceAll(".*/", "").replace(".xhtml", "");
        HttpResponse<String> answer = s.postDirect(forms.get("task")[0], fill(s, "task", forms.get("task")[1], code));
        // A form that answers with itself and a note (the country's situation added as a threat to rate) is
        // looked at and sent again, as a person does.
        for (int again = 0; again < 2 && answer.statusCode() == 200 && forms(answer.body()).containsKey("task")
                && messages(answer.body()).stream().allMatch(m -> m[0].equals("message-info")); again++) {
            String[] form = forms(answer.body()).get("task");
            answer = s.postDirect(form[0], fill(s, "task", form[1], null));
        }
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() / 100 == 3 && location.contains("/app/tasks.xhtml")) {
            acknowledged(kind, "task " + taskId + " " + s.username);
            return Outcome.ACKNOWLEDGED;
        }
        if (answer.statusCode() / 100 == 3 && location.contains("/login.xhtml")) {
            s.loggedOut = true;
            return failed("sent to the login page");
        }
        bad = badAnswer(s, answer);
        return bad != null ? bad : refusedOrFailed(answer.body(), kind);
    }

    static Outcome grant(StaffLoad.Session s, HttpResponse<String> page, String grantId, String code)
            throws IOException, InterruptedException {
        Outcome bad;
        Map<String, String[]> forms = forms(page.body());
        String form = forms.containsKey("decide") ? "decide" : forms.containsKey("disburse") ? "disburse" : null;
        if (form == null) {
            return counted(Outcome.GONE, null);
        }
        String tranche = "";
        if (form.equals("disburse")) {
            Matcher m = TRANCHE.matcher(forms.get("disburse")[1]);
            if (!m.find()) {
                return failed("grant payment: no tranche number in the form's title");
            }
            tranche = m.group(1) + " ";
        }
        HttpResponse<String> answer = s.post(path(forms.get(form)[0]), fill(s, form, forms.get(form)[1], code),
                false);
        bad = badAnswer(s, answer);
        if (bad != null) {
            return bad;
        }
        // A fund that pays part of the cost only: the coordinator approves the part it names, as the message says;
        // a request the fund cannot pay at all is rejected.
        Matcher most = AT_MOST.matcher(answer.body());
        if (form.equals("decide") && most.find() && forms(answer.body()).containsKey("decide")) {
            String part = most.group(1);
            Map<String, String> fields = fill(s, form, forms(answer.body()).get("decide")[1], null);
            fields.replaceAll((name, value) -> name.contains("approvedAmount") ? part
                    : name.endsWith(":decision") ? "APPROVE_PARTIALLY" : value);
            answer = s.post(path(forms(answer.body()).get("decide")[0]), fields, false);
            bad = badAnswer(s, answer);
            if (bad != null) {
                return bad;
            }
            if (messages(answer.body()).stream().anyMatch(m -> m[0].equals("message-error"))
                    && forms(answer.body()).containsKey("decide")) {
                fields = fill(s, form, forms(answer.body()).get("decide")[1], null);
                fields.replaceAll((name, value) -> name.endsWith(":decision") ? "REJECT" : value);
                answer = s.post(path(forms(answer.body()).get("decide")[0]), fields, false);
                bad = badAnswer(s, answer);
                if (bad != null) {
                    return bad;
                }
            }
        }
        String kind = form.equals("decide") ? "grant decision" : "grant payment";
        for (String[] message : messages(answer.body())) {
            if (message[0].equals("message-info") && (message[1].startsWith("Decision on ")
                    || message[1].startsWith("Payment of "))) {
                acknowledged(kind, (form.equals("decide") ? "decision " : "payment ") + grantId + " " + tranche
                        + s.username);
                return Outcome.ACKNOWLEDGED;
            }
        }
        return refusedOrFailed(answer.body(), kind);
    }

    /** An answer that is no page of the application: a server error, an error page, the login page. */
    static Outcome badAnswer(StaffLoad.Session s, HttpResponse<String> answer) {
        if (loggedOut(s, answer)) {
            HttpResponse<String> first = answer;
            while (first.previousResponse().isPresent()) {
                first = first.previousResponse().get();
            }
            return failed("sent to the login page from " + first.request().uri().getPath().replaceAll(".*/", ""));
        }
        if (answer.statusCode() >= 400) {
            dump("http-" + answer.statusCode(), answer.body());
            return failed("HTTP " + answer.statusCode() + (STACK_FRAME.matcher(answer.body()).find()
                    ? " with a stack trace" : answer.body().contains("<main") ? ", the error page" : ""));
        }
        return null;
    }

    static boolean loggedOut(StaffLoad.Session s, HttpResponse<String> answer) {
        if (answer.uri().getPath().endsWith("/login.xhtml")) {
            s.loggedOut = true;
            return true;
        }
        return false;
    }

    static Outcome refusedOrFailed(String body, String kind) {
        for (String[] message : messages(body)) {
            if (message[0].equals("message-error") || message[0].equals("message-warn")) {
                return counted(Outcome.REFUSED, kind + ": " + message[1].strip());
            }
        }
        dump(kind, body);
        return failed(kind + ": an answer without a message");
    }

    /** TRANSITIONS_DUMP=folder keeps the last unexpected answer of each kind there, to see what the form wanted. */
    static void dump(String kind, String body) {
        if (System.getenv("TRANSITIONS_DUMP") != null) {
            try {
                Files.writeString(Path.of(System.getenv("TRANSITIONS_DUMP"), kind + ".html"), body);
            } catch (IOException e) {
                System.out.println("transitions: cannot keep the answer: " + e);
            }
        }
    }

    static List<String[]> messages(String body) {
        List<String[]> found = new ArrayList<>();
        Matcher m = MESSAGE.matcher(body);
        while (m.find()) {
            found.add(new String[] {m.group(1), unescape(m.group(2))});
        }
        return found;
    }

    /** The page's forms by id: {action path, inner HTML}. */
    static Map<String, String[]> forms(String html) {
        Map<String, String[]> forms = new LinkedHashMap<>();
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            forms.put(m.group(1), new String[] {path(unescape(m.group(2))), m.group(3)});
        }
        return forms;
    }

    static String path(String action) {
        return action.startsWith(context) ? action.substring(context.length()) : action;
    }

    /**
     * The form's fields as a person leaves them: what is chosen or typed stays; a radio group or a list without a
     * choice gets its first item; an empty text gets a short text (a payment reference a unique one); the password
     * and code fields of a step-up get the person's password and a fresh code; the declarations are ticked.
     */
    static Map<String, String> fill(StaffLoad.Session s, String formId, String html, String code)
            throws InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(formId, formId);
        Matcher inputs = INPUT.matcher(html);
        while (inputs.find()) {
            Map<String, String> a = attributes(inputs.group(1));
            String name = a.get("name");
            if (name == null || a.containsKey("disabled")) {
                continue;
            }
            String type = a.getOrDefault("type", "text");
            String value = unescape(a.getOrDefault("value", ""));
            String lower = name.toLowerCase(Locale.ROOT);
            switch (type) {
                case "radio" -> {
                    if (a.containsKey("checked") || !fields.containsKey(name)) {
                        fields.put(name, value);
                    }
                }
                case "checkbox" -> {
                    // A list of choices (the measures to add) gets its first; a declaration is made.
                    boolean firstOfList = !fields.containsKey(name) && html.split("name=\"" + Pattern.quote(name)
                            + "\"", -1).length > 2;
                    if (a.containsKey("checked") || firstOfList || lower.contains("noconflict")
                            || lower.contains("declar")) {
                        fields.put(name, value.isEmpty() ? "on" : value);
                    }
                }
                case "hidden" -> fields.put(name, value);
                case "password" -> fields.put(name, StaffLoad.ACCOUNTS.get(s.username).password());
                default -> {
                    if (lower.endsWith("code") || lower.endsWith("code_input")) {
                        // A second code for one form (the first answer asked again): never once the run is over.
                        fields.put(name, code != null ? code : System.nanoTime() > end ? ""
                                : StaffLoad.nextCode(StaffLoad.ACCOUNTS.get(s.username)));
                    } else if (!value.isEmpty()) {
                        fields.put(name, value);
                    } else if (lower.contains("reference")) {
                        fields.put(name, "R1-" + ProcessHandle.current().pid() + "-" + REFERENCES.incrementAndGet());
                    } else if (lower.endsWith(":actor") || lower.endsWith(":description")) { // a threat named
                        fields.put(name, "R1");
                    } else if (lower.endsWith("on_input")) { // a day picked: arrived on, paid on
                        fields.put(name, LocalDate.now(ZoneOffset.UTC).toString());
                    } else if ("true".equals(a.get("aria-required"))) {
                        fields.put(name, "R1");
                    } else {
                        fields.put(name, "");
                    }
                }
            }
        }
        Matcher selects = SELECT.matcher(html);
        while (selects.find()) {
            Map<String, String> a = attributes(selects.group(1));
            String name = a.get("name");
            if (name == null || a.containsKey("disabled") || a.containsKey("multiple")) {
                continue;
            }
            String first = null;
            String chosen = null;
            Matcher options = OPTION.matcher(selects.group(2));
            while (options.find()) {
                Map<String, String> o = attributes(options.group(1));
                String value = unescape(o.getOrDefault("value", ""));
                if (o.containsKey("selected") && chosen == null) {
                    chosen = value;
                }
                if (first == null && !value.isEmpty()) {
                    first = value;
                }
            }
            // What the page chose stays (an empty choice too: no referral, no partner), except where a choice
            // is what the step is about.
            String value = chosen != null && !(chosen.isEmpty() && CHOOSE.matcher(name).find()) ? chosen : first;
            if (value != null) {
                fields.put(name, value);
            }
        }
        Matcher areas = TEXTAREA.matcher(html);
        while (areas.find()) {
            String name = attributes(areas.group(1)).get("name");
            if (name != null) {
                fields.put(name, "R1: done under load");
            }
        }
        // The form's own button is its last (a risk analysis has "add the country's threat" before it).
        String button = null;
        Matcher buttons = BUTTON.matcher(html);
        while (buttons.find()) {
            Map<String, String> a = attributes(buttons.group(1));
            if ("submit".equals(a.get("type")) && a.get("name") != null) {
                button = a.get("name");
            }
        }
        if (button != null) {
            fields.put(button, "");
        }
        return fields;
    }

    static Map<String, String> attributes(String tag) {
        Map<String, String> a = new TreeMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            a.put(m.group(1), m.group(2));
        }
        // Boolean attributes written as checked="checked" are matched above; bare ones here.
        for (String flag : List.of("checked", "selected", "disabled", "multiple")) {
            if (tag.matches("(?s).*\\s" + flag + "(\\s.*|/?$)")) {
                a.put(flag, flag);
            }
        }
        return a;
    }

    static String unescape(String text) {
        return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'");
    }

    static void acknowledged(String kind, String line) {
        ACKNOWLEDGED.incrementAndGet();
        ACK_BY_KIND.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        second()[0]++;
        synchronized (TransitionLoad.class) {
            try {
                Files.writeString(ackFile, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + ackFile, e);
            }
        }
    }

    static Outcome counted(Outcome outcome, String refusal) {
        (outcome == Outcome.REFUSED ? REFUSED : GONE).incrementAndGet();
        if (refusal != null) {
            REFUSALS.computeIfAbsent(refusal, k -> new AtomicInteger()).incrementAndGet();
        }
        second()[1]++;
        return outcome;
    }

    static Outcome failed(String why) {
        FAILED.incrementAndGet();
        FAILURES.computeIfAbsent(why.length() > 120 ? why.substring(0, 120) : why, k -> new AtomicInteger())
                .incrementAndGet();
        second()[2]++;
        return Outcome.FAILED;
    }

    static synchronized long[] second() {
        return BY_SECOND.computeIfAbsent((System.nanoTime() - start) / 1_000_000_000L, k -> new long[4]);
    }

    static void report(int seconds) {
        new TreeMap<>(BY_SECOND).forEach((second, c) -> {
            if (c[2] > 0 || second % 10 == 0) {
                System.out.printf(Locale.ROOT, "transitions: second %d: %d acknowledged, %d refused or gone,"
                        + " %d failed, up to %d in flight%n", second, c[0], c[1], c[2], c[3]);
            }
        });
        new TreeMap<>(ACK_BY_KIND).forEach((kind, n) -> System.out.printf("transitions: %s: %d acknowledged%n",
                kind, n.get()));
        REFUSALS.entrySet().stream().sorted((x, y) -> y.getValue().get() - x.getValue().get()).limit(8)
                .forEach(e -> System.out.printf("transitions: refused %d times: %s%n", e.getValue().get(),
                        e.getKey()));
        FAILURES.entrySet().stream().sorted((x, y) -> y.getValue().get() - x.getValue().get()).limit(8)
                .forEach(e -> System.out.printf("transitions: failed %d times: %s%n", e.getValue().get(),
                        e.getKey()));
        System.out.printf(Locale.ROOT, "transitions: %d s: %d attempts, at most %d at once: %d acknowledged,"
                        + " %d refused, %d gone (%d of them opened again after a failed attempt), %d failed;"
                        + " %d logins again%n", seconds, ATTEMPTS.get(), MOST_IN_FLIGHT.get(), ACKNOWLEDGED.get(),
                REFUSED.get(), GONE.get(), GONE_AFTER_FAILURE.get(), FAILED.get(), LOGINS_AGAIN.get());
    }
}
