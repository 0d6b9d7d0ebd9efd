package org.continuum.security.control;

import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.continuum.platform.MappedEntities;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entity with sealed fields says whose key seals them, names its rows the way the binding reads them, and V40
 * moved every one of its columns to the per-case keys.
 */
class SealedEntitiesTest {

    /** Sealed columns added after V40: born under the per-case keys, nothing to move. */
    private static final Set<String> AFTER_V40 = Set.of();

    @Test
    void everySealedEntityNamesItsKeyAndItsRowsAndWasMigrated() throws Exception {
        Set<String> mapped = new TreeSet<>();
        for (Class<?> entity : MappedEntities.all()) {
            Table table = entity.getAnnotation(Table.class);
            var sealed = SealedColumns.of(List.of(entity)).get(table == null ? "" : table.name());
            if (sealed == null) {
                continue;
            }
            assertThat(SealedRecord.class).as(entity.getSimpleName()).isAssignableFrom(entity);
            IdClass idClass = entity.getAnnotation(IdClass.class);
            if (idClass != null) {
                assertThat(idClass.value().getDeclaredMethod("toString")).as(entity.getSimpleName()
                        + "'s key names its row in the binding").isNotNull();
            }
            sealed.forEach(c -> mapped.add(c.table() + "." + c.column()));
        }
        Set<String> migrated = new TreeSet<>();
        RowSealingMigration.TABLES.forEach(t -> t.sealed().forEach(c -> migrated.add(t.name() + "." + c)));
        Set<String> expected = new TreeSet<>(migrated);
        expected.addAll(AFTER_V40);
        assertThat(mapped).isEqualTo(expected);
    }

    /** The restore check (SealedValuesCheck) finds the sealed columns of a database by this name alone. */
    @Test
    void everySealedColumnEndsInEnc() throws Exception {
        SealedColumns.of(MappedEntities.all()).values().forEach(columns -> columns.forEach(c ->
                assertThat(c.column()).as(c.table() + "." + c.column()).endsWith("_enc")));
    }
}
