package org.continuum.seed.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.continuum.administration.boundary.FirstAdministrator;
import org.continuum.audit.control.AuditChain;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseFileRegistrar;
import org.continuum.casefile.control.IntakeRequest;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.Urgency;
import org.continuum.grant.control.FundRules;
import org.continuum.grant.entity.Fund;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.identity.control.PasswordHasher;
import org.continuum.identity.control.SecondFactor;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.DemoMode;
import org.continuum.reference.entity.MeasureType;
import org.continuum.reference.entity.Partner;
import org.continuum.reference.entity.Situation;
import org.continuum.safeplace.entity.SafePlace;
import org.continuum.safeplace.entity.SafePlaceKind;
import org.continuum.safeplace.entity.Vetting;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Loads {@code seeds/}. Reference data (partners, measure catalogue) is upserted by code at every start so edits to
 * the files reach existing installations. Demo data (teams, users, case files) is loaded once, only when
 * {@code -Dcontinuum.demo=true} and the database has no user yet: a production start never gets demo logins.
 */
@ApplicationScoped
public class SeedLoader {

    public static final String DEMO_PROPERTY = DemoMode.PROPERTY;
    private static final Logger LOG = Logger.getLogger(SeedLoader.class.getName());
    private static final String ACTOR = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher passwords;

    @Inject
    CaseFileRegistrar registrar;

    @Inject
    AuditTrail audit;

    @Inject
    FirstAdministrator firstAdministrator;

    @Inject
    AuditChain auditChain;

    @Inject
    RouteReference routes;

    @Transactional(Transactional.TxType.REQUIRED)
    public void load() {
        int sealed = auditChain.sealUnsealed();
        if (sealed > 0) {
            LOG.info(() -> "Audit chain: " + sealed + " earlier audit rows sealed");
        }
        int partners = loadPartners();
        int measures = loadMeasures();
        int countries = routes.loadCountries();
        int programmes = routes.loadProgrammes();
        audit.record(ACTOR, AuditAction.SEED_LOADED, null, "reference partners=" + partners + " measures=" + measures
                + " countries=" + countries + " programmes=" + programmes);
        LOG.info(() -> "Reference data loaded: " + partners + " partners, " + measures + " measures, " + countries
                + " country profiles, " + programmes + " relocation programmes");
        if (Boolean.getBoolean(DEMO_PROPERTY) && noUsers()) {
            int cases = loadDemo();
            audit.record(ACTOR, AuditAction.SEED_LOADED, null, "demo cases=" + cases);
            LOG.info(() -> "Demo data loaded: " + cases + " case files");
        }
        // Separate from the users so that a demo database from before the grants gets its demo funds too.
        if (Boolean.getBoolean(DEMO_PROPERTY) && !noUsers()) {
            int addressed = backfillDemoEmails();
            if (addressed > 0) {
                audit.record(ACTOR, AuditAction.SEED_LOADED, null, "demo emails=" + addressed);
            }
        }
        if (Boolean.getBoolean(DEMO_PROPERTY) && noSafePlaces()) {
            List<SafePlace> places = loadSafePlaces();
            places.forEach(em::persist);
            audit.record(ACTOR, AuditAction.SEED_LOADED, null, "demo safe-places=" + places.size());
            LOG.info(() -> "Demo safe places loaded: " + places.size());
        }
        if (Boolean.getBoolean(DEMO_PROPERTY) && noFunds()) {
            List<Fund> funds = loadFunds();
            funds.forEach(em::persist);
            audit.record(ACTOR, AuditAction.SEED_LOADED, null, "demo funds=" + funds.size());
            LOG.info(() -> "Demo funds loaded: " + funds.size());
        }
        if (Boolean.getBoolean(DEMO_PROPERTY)) {
            int enrolled = backfillDemoSecondFactors();
            if (enrolled > 0) {
                audit.record(ACTOR, AuditAction.SEED_LOADED, null, "demo second-factors=" + enrolled);
            }
        }
        firstAdministrator.issueIfNeeded().ifPresent(token -> LOG.warning(() -> "\n\n  No administrator yet."
                + " Open this link within 30 minutes to create the first administrator (it works once):\n\n    "
                + System.getProperty("continuum.baseUrl", "http://127.0.0.1:8080/continuum") + "/bootstrap.xhtml?token="
                + token + "\n\n  A new link is printed at every start until an administrator exists.\n"));
    }

    /**
     * Demo and production never mix. Without demo mode, no account may still log in with its published demo
     * password; in demo mode, the database must hold demo accounts only (a real organisation's database is never
     * opened with the demo's conveniences). Either way the start stops here with the accounts named.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void refuseUnsafeAccounts() {
        Map<String, String> published = demoPasswords();
        if (Boolean.getBoolean(DEMO_PROPERTY)) {
            markDemoAccounts(published);
        }
        List<String> unsafe = new ArrayList<>();
        if (!Boolean.getBoolean(DEMO_PROPERTY)) {
            for (UserAccount user : em.createQuery("select u from UserAccount u where u.enabled = true",
                    UserAccount.class).getResultList()) {
                String password = published.get(user.getUsername());
                if (user.isDemoAccount() || (password != null
                        && passwords.verify(password.toCharArray(), user.getPasswordHash()))) {
                    unsafe.add(user.getUsername());
                }
            }
            if (!unsafe.isEmpty()) {
                audit.recordIndependently(ACTOR, AuditAction.DEMO_ACCOUNTS_REFUSED, null, AuditOutcome.DENIED,
                        "demo-accounts-without-demo-mode=" + unsafe.size());
                throw new IllegalStateException("Refusing to start: demo mode is off but these demo accounts can"
                        + " still log in with their published passwords: " + String.join(", ", unsafe)
                        + ". Disable them or change their passwords (or start the demo with -D" + DEMO_PROPERTY
                        + "=true on a demo database).");
            }
        } else {
            for (UserAccount user : em.createQuery("select u from UserAccount u where u.demoAccount = false"
                    + " and u.enabled = true", UserAccount.class).getResultList()) {
                unsafe.add(user.getUsername());
            }
            if (!unsafe.isEmpty()) {
                audit.recordIndependently(ACTOR, AuditAction.DEMO_ACCOUNTS_REFUSED, null, AuditOutcome.DENIED,
                        "demo-mode-on-real-accounts=" + unsafe.size());
                throw new IllegalStateException("Refusing to start: demo mode is on but the database holds accounts"
                        + " that are not demo accounts: " + String.join(", ", unsafe)
                        + ". Demo mode shows codes and published passwords; never start it on a real database.");
            }
        }
    }

    /** A demo database from before the demo flag: its accounts of {@code seeds/demo/users.csv} become demo accounts. */
    private void markDemoAccounts(Map<String, String> published) {
        for (UserAccount user : em.createQuery("select u from UserAccount u where u.demoAccount = false",
                UserAccount.class).getResultList()) {
            if (published.containsKey(user.getUsername())) {
                user.markAsDemo();
            }
        }
    }

    private Map<String, String> demoPasswords() {
        Map<String, String> published = new HashMap<>();
        SeedFile.read("seeds/demo/users.csv", resource("demo/users.csv"), List.of("username", "password"), line -> {
            published.put(line.required("username"), line.required("password"));
            return line;
        });
        return published;
    }

    /**
     * The demo accounts come enrolled with the second-factor secrets of {@code seeds/demo/users.csv} (public, like
     * their passwords), so the login page of a demo server can show their current code. An account of the file
     * without a secret stays unenrolled: it shows the enrolment at first login.
     */
    int backfillDemoSecondFactors() {
        Map<String, String> secrets = new HashMap<>();
        SeedFile.read("seeds/demo/users.csv", resource("demo/users.csv"), List.of("username"), line -> {
            String secret = line.optional("totp_secret");
            secrets.put(line.required("username"), secret == null ? "" : secret);
            return line;
        });
        int changed = 0;
        for (UserAccount user : em.createQuery("select u from UserAccount u", UserAccount.class).getResultList()) {
            String secret = secrets.get(user.getUsername());
            if (secret == null) {
                continue;
            }
            if (!user.isDemoAccount()) {
                user.markAsDemo();
            }
            if (!secret.isEmpty() && !user.isEnrolled() && user.getTotpSecret() == null) {
                user.startEnrolment(secret);
                user.enrolled(SecondFactor.step(Instant.now()) - 2, Instant.now());
                changed++;
            }
        }
        return changed;
    }

    private static InputStream resource(String path) {
        return SeedLoader.class.getClassLoader().getResourceAsStream("seeds/" + path);
    }

    int loadPartners() {
        List<Partner> parsed = SeedFile.read("seeds/reference/partners.csv", resource("reference/partners.csv"),
                List.of("code", "name", "kind", "services", "languages", "contact_channels", "stated_limits",
                        "website", "situations", "countries", "targeted_for_work", "answer_days"),
                line -> {
                    Partner partner = new Partner(line.code("code"), line.required("name"),
                            line.enumValue("kind", Partner.Kind.class),
                            line.list("services", true, s -> s.matches("[a-z0-9-]+") ? null
                                    : "service '" + s + "' must be a lower-case code"),
                            line.languages("languages"),
                            line.list("contact_channels", true, c -> c.matches("(email|web|phone|form):.+") ? null
                                    : "channel '" + c + "' must start with email:, web:, phone: or form:"),
                            line.optional("stated_limits"), line.optional("website"));
                    List<String> situations = line.list("situations", false, s -> isSituation(s) ? null
                            : "'" + s + "' is not one of " + java.util.Arrays.toString(Situation.values()));
                    List<String> countries = line.countries("countries", false);
                    boolean targeted = line.flag("targeted_for_work");
                    int answerDays = line.integer("answer_days", 1, Partner.MAX_ANSWER_DAYS);
                    partner.applyRules(new Partner.Rules(situations, countries, targeted,
                            Math.max(1, Math.min(Partner.MAX_ANSWER_DAYS, answerDays))));
                    return partner;
                });
        return upsert(parsed, em.createQuery("select p from Partner p", Partner.class).getResultList(),
                Partner::getCode, Partner::seeded);
    }

    private static boolean isSituation(String name) {
        return java.util.Arrays.stream(Situation.values()).anyMatch(s -> s.name().equals(name));
    }

    int loadMeasures() {
        List<MeasureType> parsed = SeedFile.read("seeds/reference/measures.csv", resource("reference/measures.csv"),
                List.of("code", "continuum_step", "position", "name_en", "name_fr", "description_en",
                        "description_fr", "name_ar", "description_ar"),
                line -> {
                    MeasureType type = new MeasureType(line.code("code"),
                            line.integer("continuum_step", MeasureType.FIRST_STEP, MeasureType.LAST_STEP),
                            line.integer("position", 1, 10_000), line.required("name_en"), line.required("name_fr"),
                            line.optional("description_en"), line.optional("description_fr"));
                    type.translateToArabic(line.optional("name_ar"), line.optional("description_ar"));
                    return type;
                });
        return upsert(parsed, em.createQuery("select m from MeasureType m", MeasureType.class).getResultList(),
                MeasureType::getCode, (current, m) -> {
                    current.update(m.getContinuumStep(), m.getPosition(), m.name("en"), m.name("fr"),
                            m.description("en"), m.description("fr"));
                    current.translateLike(m);
                });
    }

    /** Inserts rows whose code is new and updates the others in place; rows absent from the file are kept. */
    private <T> int upsert(List<T> parsed, List<T> stored, Function<T, String> code, BiConsumer<T, T> update) {
        Map<String, T> existing = new HashMap<>();
        stored.forEach(e -> existing.put(code.apply(e), e));
        for (T row : parsed) {
            T current = existing.get(code.apply(row));
            if (current == null) {
                em.persist(row);
            } else {
                update.accept(current, row);
            }
        }
        return parsed.size();
    }

    /** Demo safe places, validated line by line like every seed; sealed by the entity like an administrator's. */
    List<SafePlace> loadSafePlaces() {
        Instant now = Instant.now();
        Map<String, Partner> partnersByCode = new HashMap<>();
        em.createQuery("select p from Partner p", Partner.class).getResultList()
                .forEach(p -> partnersByCode.put(p.getCode(), p));
        return SeedFile.read("seeds/demo/safe-places.csv", resource("demo/safe-places.csv"),
                List.of("name", "kind", "country", "area", "address", "contact", "opening_hours", "vetting",
                        "vetted_on", "affirming", "capacity", "network"), line -> {
                    String network = line.optional("network");
                    if (network != null && !partnersByCode.containsKey(network)) {
                        line.error("network", "'" + network + "' is not a partner code");
                    }
                    String vettedOn = line.optional("vetted_on");
                    SafePlace.Details details = new SafePlace.Details(line.required("name"),
                            line.enumValue("kind", SafePlaceKind.class), line.country("country"),
                            line.required("area"), line.required("address"), line.optional("contact"),
                            line.optional("opening_hours"), line.enumValue("vetting", Vetting.class),
                            vettedOn == null ? null : line.date("vetted_on"), line.flag("affirming"),
                            line.integer("capacity", 0, SafePlace.MAX_CAPACITY),
                            network == null ? null : partnersByCode.get(network), true);
                    try {
                        return new SafePlace(details, ACTOR, now);
                    } catch (IllegalArgumentException | NullPointerException e) {
                        line.error(null, String.valueOf(e.getMessage()));
                        return null;
                    }
                });
    }

    /** A demo database from before notifications gets the demo users' addresses (existing ones are kept). */
    int backfillDemoEmails() {
        Map<String, String> emails = new HashMap<>();
        SeedFile.read("seeds/demo/users.csv", resource("demo/users.csv"), List.of("username", "email"), line -> {
            String email = line.optional("email");
            if (email != null) {
                emails.put(line.required("username"), email);
            }
            return email;
        });
        int changed = 0;
        for (UserAccount user : em.createQuery("select u from UserAccount u where u.email is null",
                UserAccount.class).getResultList()) {
            String email = emails.get(user.getUsername());
            if (email != null) {
                user.changeEmail(email);
                changed++;
            }
        }
        return changed;
    }

    private boolean noSafePlaces() {
        return em.createQuery("select count(s) from SafePlace s", Long.class).getSingleResult() == 0;
    }

    private boolean noFunds() {
        return em.createQuery("select count(f) from Fund f", Long.class).getSingleResult() == 0;
    }

    private boolean noUsers() {
        return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult() == 0;
    }

    private int loadDemo() {
        Map<String, Team> teams = new HashMap<>();
        SeedFile.read("seeds/demo/teams.csv", resource("demo/teams.csv"), List.of("code", "name"),
                        line -> new Team(line.code("code"), line.required("name")))
                .forEach(t -> {
                    em.persist(t);
                    teams.put(t.getCode(), t);
                });
        Map<String, UserAccount> users = new HashMap<>();
        SeedFile.read("seeds/demo/users.csv", resource("demo/users.csv"),
                List.of("username", "display_name", "roles", "team", "language", "password", "email"), line -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    line.list("roles", true, r -> {
                        try {
                            roles.add(Role.valueOf(r));
                            return null;
                        } catch (IllegalArgumentException e) {
                            return "role '" + r + "' is not one of " + EnumSet.allOf(Role.class);
                        }
                    });
                    String teamCode = line.optional("team");
                    Team team = teamCode == null ? null : teams.get(teamCode);
                    if (teamCode != null && team == null) {
                        line.error("team", "'" + teamCode + "' is not in seeds/demo/teams.csv");
                    }
                    String password = line.required("password");
                    if (password != null && password.length() < PasswordHasher.MIN_LENGTH) {
                        line.error("password", "must have at least " + PasswordHasher.MIN_LENGTH + " characters");
                        return null;
                    }
                    try {
                        UserAccount user = new UserAccount(line.required("username"), line.required("display_name"),
                                passwords.hash(password.toCharArray()), team, roles, line.optional("language"));
                        user.changeEmail(line.optional("email"));
                        user.markAsDemo();
                        return user;
                    } catch (IllegalArgumentException | NullPointerException e) {
                        line.error(null, e.getMessage());
                        return null;
                    }
                })
                .forEach(u -> {
                    em.persist(u);
                    users.put(u.getUsername(), u);
                });
        List<DemoCase> cases = SeedFile.read("seeds/demo/cases.csv", resource("demo/cases.csv"),
                List.of("pseudonym", "legal_name", "contact", "location", "situation", "country", "languages",
                        "request_type", "urgency", "channel", "created_by"), line -> {
                    String creator = line.required("created_by");
                    UserAccount user = users.get(creator);
                    if (creator != null && (user == null || user.getTeam() == null)) {
                        line.error("created_by", "'" + creator + "' is not a demo user with a team");
                    }
                    return new DemoCase(new IntakeRequest(line.required("pseudonym"), line.required("legal_name"),
                            line.optional("contact"), line.optional("location"),
                            line.enumValue("situation", Situation.class), line.country("country"),
                            line.languages("languages"), line.enumValue("request_type", RequestType.class),
                            line.enumValue("urgency", Urgency.class), line.enumValue("channel", Channel.class), true),
                            user);
                });
        em.flush();
        for (DemoCase demo : cases) {
            registrar.register(demo.request(), demo.creator().getTeam(), demo.creator().getUsername());
        }
        return cases.size();
    }

    List<Fund> loadFunds() {
        return SeedFile.read("seeds/demo/funds.csv", resource("demo/funds.csv"),
                List.of("code", "name", "donor", "currency", "budget", "period_start", "period_end",
                        "ceiling_per_grant", "dual_approval_above", "co_funding_percent", "no_exile_costs",
                        "requires_targeted_for_work", "no_retrospective", "report_due_days", "categories"), line -> {
                    Set<GrantCategory> categories = EnumSet.noneOf(GrantCategory.class);
                    line.list("categories", true, c -> {
                        try {
                            categories.add(GrantCategory.valueOf(c));
                            return null;
                        } catch (IllegalArgumentException e) {
                            return "category '" + c + "' is not one of " + EnumSet.allOf(GrantCategory.class);
                        }
                    });
                    String reportDays = line.optional("report_due_days");
                    Fund.Rules rules = new Fund.Rules(line.amount("ceiling_per_grant", false),
                            line.amount("dual_approval_above", true), line.integer("co_funding_percent", 0, 100),
                            line.flag("no_exile_costs"), line.flag("requires_targeted_for_work"),
                            line.flag("no_retrospective"),
                            reportDays == null ? null : line.integer("report_due_days", 0, 3650), categories);
                    String currency = line.required("currency");
                    if (currency != null && !FundRules.isCurrencyCode(currency)) {
                        line.error("currency", "'" + currency + "' must be an ISO 4217 code like EUR");
                    }
                    try {
                        return new Fund(line.code("code"), line.required("name"), line.required("donor"), currency,
                                line.amount("budget", true), line.date("period_start"), line.date("period_end"),
                                rules);
                    } catch (IllegalArgumentException | NullPointerException e) {
                        line.error(null, e.getMessage());
                        return null;
                    }
                });
    }

    private record DemoCase(IntakeRequest request, UserAccount creator) {
    }
}
