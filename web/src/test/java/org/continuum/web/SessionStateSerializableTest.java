package org.continuum.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On the cluster server a web session is copied to the other node at the end of each request: every bean the session
 * holds (view and session scope) and everything its fields hold must be serializable, or the copy fails (logged on
 * every request) and the session is lost with its node. Fields the container fills (injected proxies) are
 * serializable references by the container's own rules and are not walked.
 */
class SessionStateSerializableTest {

    private static final List<Class<? extends Annotation>> SESSION_SCOPES =
            List.of(ViewScoped.class, SessionScoped.class, ConversationScoped.class);

    @Test
    void everythingAWebSessionHoldsCanBeCopiedToTheOtherNode() throws ClassNotFoundException {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        int beans = 0;
        for (JavaClass bean : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.continuum")) {
            if (SESSION_SCOPES.stream().noneMatch(scope -> bean.isAnnotatedWith(scope))) {
                continue;
            }
            beans++;
            check(Class.forName(bean.getName()), bean.getSimpleName(), seen, problems);
        }
        assertThat(beans).as("session-held beans found").isGreaterThan(30);
        assertThat(problems).as("types a web session holds that cannot be serialized").isEmpty();
    }

    /**
     * An injected bean of ours with no normal scope is a dependent object of the bean it is injected into, written
     * with it (a task view's TaskForm): walked like any field. A normal-scoped bean or an EJB is injected as a proxy
     * the container knows how to write.
     */
    private static boolean dependent(Class<?> type) {
        return type.getName().startsWith("org.continuum.") && !type.isInterface()
                && Arrays.stream(type.getAnnotations()).map(Annotation::annotationType)
                .noneMatch(a -> a.isAnnotationPresent(NormalScope.class) || a == Stateless.class
                        || a == Singleton.class || a == Stateful.class);
    }

    private static void check(Type type, String path, Set<Class<?>> seen, List<String> problems) {
        if (type instanceof ParameterizedType parameterized) {
            check(parameterized.getRawType(), path, seen, problems);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, path + "<>", seen, problems);
            }
        } else if (type instanceof GenericArrayType array) {
            check(array.getGenericComponentType(), path + "[]", seen, problems);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(bound, path, seen, problems);
            }
        } else if (type instanceof Class<?> c) {
            checkClass(c, path, seen, problems);
        }
    }

    private static void checkClass(Class<?> c, String path, Set<Class<?>> seen, List<String> problems) {
        if (c.isArray()) {
            check(c.getComponentType(), path + "[]", seen, problems);
            return;
        }
        if (c.isPrimitive() || c.isEnum() || c == Object.class || !seen.add(c)) {
            return;
        }
        boolean own = c.getName().startsWith("org.continuum.");
        if (c.isInterface()) {
            // The collection interfaces hold whatever implementation is put there (checked through their type
            // arguments); an interface of ours could hold a lambda, which is not serializable unless it says so.
            if (own && !Serializable.class.isAssignableFrom(c)) {
                problems.add(path + ": interface " + c.getName() + " does not extend Serializable");
            }
            return;
        }
        if (!Serializable.class.isAssignableFrom(c)) {
            problems.add(path + ": " + c.getName() + " is not Serializable");
            return;
        }
        if (!own) {
            return;
        }
        // What a library's superclass holds for us (a table model keeps the rows it loaded): its type arguments.
        // (A superclass itself need not be serializable: its fields are not written.)
        if (c.getGenericSuperclass() instanceof ParameterizedType superclass) {
            for (Type argument : superclass.getActualTypeArguments()) {
                check(argument, path + " extends <>", seen, problems);
            }
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field field : k.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(EJB.class)
                        || field.isAnnotationPresent(Inject.class) && !dependent(field.getType())) {
                    continue;
                }
                check(field.getGenericType(), path + "." + field.getName(), seen, problems);
            }
        }
    }
}
