package org.continuum.security.control;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Table;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every sealed column of the mapped entities, read from their annotations ({@link org.continuum.security.control.Sealed} on a field, inside
 * embedded values and element collections too): the one list that
 * erasure walks, so a sealed field added later is erased without anyone remembering to add it.
 */
public final class SealedColumns {

    /** A sealed column; {@code number} when it holds a sealed number (it is cleared, never set to sealed text). */
    public record Sealed(String table, String column, boolean number) {
    }

    private SealedColumns() {
    }

    /** Table name to its sealed columns, in table order. */
    public static Map<String, List<Sealed>> of(Collection<Class<?>> entities) {
        Map<String, List<Sealed>> byTable = new TreeMap<>();
        for (Class<?> entity : entities) {
            Table table = entity.getAnnotation(Table.class);
            if (table == null) {
                continue;
            }
            collect(entity, table.name(), byTable);
        }
        return byTable;
    }

    private static void collect(Class<?> type, String table, Map<String, List<Sealed>> into) {
        for (Field field : type.getDeclaredFields()) {
            org.continuum.security.control.Sealed sealed =
                    field.getAnnotation(org.continuum.security.control.Sealed.class);
            if (sealed != null) {
                Column column = field.getAnnotation(Column.class);
                if (column == null || column.name().isEmpty()) {
                    throw new IllegalStateException("The sealed field " + type.getSimpleName() + "." + field.getName()
                            + " names no column");
                }
                into.computeIfAbsent(table, t -> new ArrayList<>())
                        .add(new Sealed(table, column.name(), sealed.number()));
            } else if (field.isAnnotationPresent(Embedded.class)) {
                collect(field.getType(), table, into);
            } else if (field.isAnnotationPresent(ElementCollection.class)) {
                CollectionTable collectionTable = field.getAnnotation(CollectionTable.class);
                if (collectionTable != null && field.getGenericType() instanceof ParameterizedType p
                        && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                    collect(element, collectionTable.name(), into);
                }
            }
        }
    }
}
