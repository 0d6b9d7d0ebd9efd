package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.administration.boundary.AccountAdministration.NewAccount;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.Urgency;
import org.continuum.identity.entity.Role;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.TriageService;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.Roles;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The need-to-know matrix, generated from the boundaries themselves: every public method of every session bean in a
 * {@code boundary} package whose first parameter names a case file ({@code caseFileId}) or one of its tasks
 * ({@code taskId}), called by every staff role and role combination (mentor + coordinator included) on case files
 * of their own (assigned or created), of their team, of another team, closed, and on ids that do not exist. Every call
 * outside the caller's need to know must be refused with {@link CaseAccessDenied} and leave exactly one refusal in
 * the audit trail; none may succeed. Roles a method does not allow are refused by the container (counted apart; the
 * web tier audits those). The counts are printed.
 */
@ExtendWith(ArquillianExtension.class)
class NeedToKnowMatrixIT {

    private static final Logger LOG = Logger.getLogger(NeedToKnowMatrixIT.class.getName());

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(NeedToKnowMatrixIT.class, IntakeIT.class, Sql.class, As.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    TriageService triage;

    @Inject
    TaskInboxService inbox;

    @Inject
    AccountAdministration administration;

    @Inject
    BeanManager beans;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private Sql sql;

    /** One staff member of the matrix: their team, the roles their login gives them. */
    record Person(String username, String team, Set<Role> roles) {
        Set<String> roleNames() {
            return roles.stream().map(Role::name).collect(Collectors.toSet());
        }
    }

    /** A case file of the matrix, with its team, its mentor and its open task ids. */
    record Target(String label, long id, String team, String mentor, boolean closed, List<String> taskIds) {
    }

    /** One boundary method and the kind of id its first parameter takes. */
    record Probe(Class<?> boundary, Method method, boolean byTask) {
        String name() {
            return boundary.getSimpleName() + "." + method.getName();
        }
    }

    @Test
    void everyCaseScopedBoundaryMethodRefusesEveryCallerOutsideTheirNeedToKnowAndAuditsItOnce() throws Exception {
        sql = new Sql(dataSource);
        long n = System.nanoTime() % 100_000;
        List<Person> people = people(n);
        List<Target> targets = targets(n);
        List<Probe> probes = probes();
        assertThat(probes).as("case-scoped boundary methods found").hasSizeGreaterThan(20);

        Map<String, Integer> forbiddenByMethod = new TreeMap<>();
        Map<String, Integer> byCategory = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        int forbidden = 0;
        int refusedByRole = 0;
        int withinNeedToKnow = 0;
        for (Probe probe : probes) {
            Set<String> allowed = allowedRoles(probe);
            for (Person person : people) {
                boolean roleAllowed = person.roles().stream().anyMatch(r -> allowed.contains(r.name()));
                for (Target target : targets) {
                    if (!roleAllowed) {
                        refusedByRole += callRefusedByRole(probe, person, target, violations);
                        continue;
                    }
                    if (mayKnow(person, target)) {
                        withinNeedToKnow++;
                        continue;
                    }
                    List<Object> ids = probe.byTask() ? new ArrayList<>(target.taskIds()) : List.of(target.id());
                    for (Object id : ids) {
                        forbidden++;
                        forbiddenByMethod.merge(probe.name(), 1, Integer::sum);
                        byCategory.merge(target.label(), 1, Integer::sum);
                        String attempt = probe.name() + " by " + person.username() + " on " + target.label()
                                + " " + id;
                        long before = denials(person.username());
                        Throwable outcome = call(probe, person, id);
                        long audited = denials(person.username()) - before;
                        if (!(outcome instanceof CaseAccessDenied)) {
                            violations.add(attempt + ": " + (outcome == null ? "SUCCEEDED" : outcome));
                        } else if (audited != 1) {
                            violations.add(attempt + ": audited " + audited + " times");
                        }
                    }
                }
            }
        }
        LOG.info(String.format("need-to-know matrix: %d methods x %d people x %d case files: %d forbidden attempts,"
                        + " %d refused and audited once, %d succeeded; %d refused by role (container); %d within"
                        + " need to know (not called)", probes.size(), people.size(), targets.size(), forbidden,
                forbidden - violations.size(), violations.stream().filter(v -> v.endsWith("SUCCEEDED")).count(),
                refusedByRole, withinNeedToKnow));
        LOG.info("need-to-know matrix by case file: " + byCategory);
        LOG.info("need-to-know matrix by method: " + forbiddenByMethod);
        assertThat(violations).as("calls outside the need to know that were not refused and audited once")
                .isEmpty();
        assertThat(forbidden).isGreaterThanOrEqualTo(2000);
    }

    private long denials(String actor) {
        return sql.count("select count(*) from audit_event where actor = ? and outcome = 'DENIED'", actor);
    }

    /** The rule, restated independently of the policy class: team case staff, or the case's assigned mentor. */
    private static boolean mayKnow(Person person, Target target) {
        if (target.team() == null) {
            return false;
        }
        boolean teamStaff = (person.roles().contains(Role.CASEWORKER) || person.roles().contains(Role.COORDINATOR))
                && target.team().equals(person.team());
        boolean mentor = person.roles().contains(Role.SECURITY_MENTOR) && person.username().equals(target.mentor());
        return teamStaff || mentor;
    }

    private Throwable call(Probe probe, Person person, Object id) {
        try {
            Object boundary = CDI.current().select(probe.boundary()).get();
            As.user(person.username(), person.roleNames(), () -> {
                try {
                    return probe.method().invoke(boundary, arguments(probe.method(), id));
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                }
            });
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private int callRefusedByRole(Probe probe, Person person, Target target, List<String> violations) {
        Object id = probe.byTask() ? (target.taskIds().isEmpty() ? "none" : target.taskIds().get(0)) : target.id();
        Throwable outcome = call(probe, person, id);
        if (!(outcome instanceof EJBAccessException)) {
            violations.add(probe.name() + " by " + person.username() + " (role not allowed): " + outcome);
        }
        return 1;
    }

    /** Plausible values for the other parameters, so nothing but the need-to-know check can refuse the call. */
    private static Object[] arguments(Method method, Object id) {
        Parameter[] parameters = method.getParameters();
        Object[] values = new Object[parameters.length];
        values[0] = id;
        for (int i = 1; i < parameters.length; i++) {
            values[i] = sample(parameters[i].getType());
        }
        return values;
    }

    private static Object sample(Class<?> type) {
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == String.class) {
            return "matrix probe";
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == Instant.class) {
            return Instant.now();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (List.class.isAssignableFrom(type) || Collection.class.equals(type)) {
            return List.of();
        }
        if (Set.class.isAssignableFrom(type)) {
            return Set.of();
        }
        if (type.isRecord()) {
            // A complete value object (a triage decision, a relocation plan): each component sampled the same way.
            var components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Object[] values = Arrays.stream(types).map(NeedToKnowMatrixIT::sample).toArray();
            try {
                var constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }

    private Set<String> allowedRoles(Probe probe) {
        RolesAllowed onMethod = probe.method().getAnnotation(RolesAllowed.class);
        RolesAllowed onClass = probe.boundary().getAnnotation(RolesAllowed.class);
        RolesAllowed chosen = onMethod != null ? onMethod : onClass;
        return chosen == null ? Set.of() : Set.of(chosen.value());
    }

    /** Every case-scoped method of every session bean in a boundary package, found through the bean manager. */
    private List<Probe> probes() {
        Set<Class<?>> boundaries = new TreeSet<>(Comparator.comparing(Class::getName));
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (type.getPackageName().startsWith("org.continuum.") && type.getPackageName().endsWith(".boundary")
                    && type.isAnnotationPresent(Stateless.class)) {
                boundaries.add(type);
            }
        }
        List<Probe> probes = new ArrayList<>();
        for (Class<?> boundary : boundaries) {
            Arrays.stream(boundary.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && m.getParameterCount() > 0)
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(m -> {
                        Parameter first = m.getParameters()[0];
                        if (first.getType() == long.class && first.getName().equals("caseFileId")) {
                            probes.add(new Probe(boundary, m, false));
                        } else if (first.getType() == String.class && first.getName().equals("taskId")) {
                            probes.add(new Probe(boundary, m, true));
                        }
                    });
        }
        return probes;
    }

    private List<Person> people(long n) throws Exception {
        List<Person> people = new ArrayList<>(List.of(
                new Person("amira.caseworker", "MENA", EnumSet.of(Role.CASEWORKER)),
                new Person("ivan.caseworker", "EUR-EAST", EnumSet.of(Role.CASEWORKER)),
                new Person("sofia.mentor", "MENA", EnumSet.of(Role.SECURITY_MENTOR)),
                new Person("claire.coordinator", "MENA", EnumSet.of(Role.COORDINATOR)),
                new Person("karim.lead", "MENA", EnumSet.of(Role.SECURITY_MENTOR, Role.COORDINATOR)),
                new Person("nadia.auditor", null, EnumSet.of(Role.AUDITOR)),
                new Person("admin", null, EnumSet.of(Role.ADMIN))));
        Map<String, Set<Role>> extra = new LinkedHashMap<>();
        extra.put("test.m.cw" + n, EnumSet.of(Role.SECURITY_MENTOR, Role.CASEWORKER));
        extra.put("test.m.co" + n, EnumSet.of(Role.SECURITY_MENTOR, Role.COORDINATOR));
        extra.put("test.cw.co" + n, EnumSet.of(Role.CASEWORKER, Role.COORDINATOR));
        extra.put("test.mentor" + n, EnumSet.of(Role.SECURITY_MENTOR));
        extra.put("test.all" + n, EnumSet.of(Role.CASEWORKER, Role.SECURITY_MENTOR, Role.COORDINATOR));
        for (var e : extra.entrySet()) {
            As.run("admin", Roles.ADMIN, () -> administration.create(new NewAccount(e.getKey(), "Matrix " + n, null,
                    e.getValue(), "EUR-EAST", "en", "Steady-Orchard-Breeze-64".toCharArray())));
            people.add(new Person(e.getKey(), "EUR-EAST", e.getValue()));
        }
        return people;
    }

    /**
     * Case files of both teams: open with a mentor of each kind, open unassigned, closed, and ids that do not exist.
     */
    private List<Target> targets(long n) throws Exception {
        List<Target> targets = new ArrayList<>();
        targets.add(open("mena-mentored", "amira.caseworker", "MENA", "sofia.mentor", n));
        targets.add(open("mena-lead-mentored", "amira.caseworker", "MENA", "karim.lead", n));
        targets.add(open("mena-unassigned", "amira.caseworker", "MENA", null, n));
        targets.add(open("east-mentored", "ivan.caseworker", "EUR-EAST", "test.m.cw" + n, n));
        targets.add(open("east-unassigned", "ivan.caseworker", "EUR-EAST", null, n));
        targets.add(closed("mena-closed", "amira.caseworker", "MENA", n));
        targets.add(closed("east-closed", "ivan.caseworker", "EUR-EAST", n));
        targets.add(closed("east-closed-2", "ivan.caseworker", "EUR-EAST", n));
        long highest = sql.longValue("select max(id) from casefile");
        for (int k = 1; k <= 3; k++) {
            targets.add(new Target("non-existent", highest + 1_000_000L * k, null, null, false,
                    List.of("forged-task-" + n + "-" + k)));
        }
        return targets;
    }

    private Target open(String label, String caseworker, String team, String mentor, long n) throws Exception {
        long id = register(label, caseworker, n);
        if (mentor != null) {
            As.run(caseworker, Roles.CASEWORKER, () -> triage.complete(triageTask(caseworker, id).id(),
                    new TriageService.TriageDecision(true, Urgency.HIGH, null, null, null, mentor, null)));
        }
        List<String> tasks = new Sql(dataSource).strings("select t.id_ from act_ru_task t join casefile c"
                + " on c.process_instance_id = t.proc_inst_id_ where c.id = ?", id);
        assertThat(tasks).as("open tasks of " + label).isNotEmpty();
        return new Target(label, id, team, mentor, false, tasks);
    }

    private Target closed(String label, String caseworker, String team, long n) throws Exception {
        long id = register(label, caseworker, n);
        As.run(caseworker, Roles.CASEWORKER, () -> triage.complete(triageTask(caseworker, id).id(),
                new TriageService.TriageDecision(false, Urgency.STANDARD, "Not within our mandate", null, null,
                        null, null)));
        assertThat(sql.string("select phase from casefile where id = ?", id)).isEqualTo("CLOSED");
        return new Target(label, id, team, null, true, List.of("closed-task-" + n));
    }

    private long register(String label, String caseworker, long n) throws Exception {
        return As.user(caseworker, Roles.CASEWORKER, () -> intake.register(IntakeIT.request(
                "Matrix-" + label + "-" + n, "Матрица " + label + " " + n, Urgency.HIGH))).caseFileId();
    }

    private WorkTask triageTask(String caseworker, long caseFileId) throws Exception {
        return As.user(caseworker, Roles.CASEWORKER, () -> inbox.myTasks()).stream()
                .filter(t -> t.caseFileId() == caseFileId && t.definitionKey().equals("Task_Triage"))
                .findFirst().orElseThrow();
    }
}
