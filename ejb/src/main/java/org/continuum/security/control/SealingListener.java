package org.continuum.security.control;

import com.google.crypto.tink.Aead;
import jakarta.enterprise.inject.spi.CDI;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreLoadEvent;
import org.hibernate.event.spi.PreLoadEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.ComponentType;
import org.hibernate.type.Type;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Seals every {@link Sealed} field on its way to the database and opens it on the way back, inside Hibernate's own
 * events (a JPA converter never learns which row it converts):
 * <ul>
 * <li>before an insert or update, the clear values in the row's state become sealed ones, each with the data key of
 * the row's scope ({@link SealedRecord}) and bound to its table, column and row id; an embedded value is copied
 * first, so the entity keeps its clear value;</li>
 * <li>after the write, the entry's loaded state gets the clear values back (otherwise the next flush would find
 * every sealed field changed);</li>
 * <li>before a loaded row's values reach its entity, they are opened with the key their header names, checking the
 * binding: a value copied to another row, column or table is refused, and the refusal is logged with the place
 * (never the value).</li>
 * </ul>
 * A stored value reads {@code v2:<scope>:<base64>}; the associated data are the scope, table, column and row.
 */
public class SealingListener implements PreInsertEventListener, PostInsertEventListener, PreUpdateEventListener,
        PostUpdateEventListener, PreLoadEventListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SealingListener.class.getName());

    static final String PREFIX = "v2:";

    /** What erasure leaves in a sealed text column (the key is destroyed as well). */
    public static final String ERASED = "erased";

    private static volatile SealingKeys keys;
    private static final SealingKeys.Made NONE = new SealingKeys.Made();

    private final transient Map<String, List<Slot>> slots = new ConcurrentHashMap<>();
    private final transient Map<SharedSessionContractImplementor, SealingKeys.Made> made =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** A sealed field: a property, or a property of an embedded value ({@code part} ≥ 0). */
    record Slot(int property, int part, String column, boolean number) {
    }

    /** The keys outside the container (a test); inside it they come from CDI. */
    static void use(SealingKeys outside) {
        keys = outside;
    }

    private static SealingKeys keys() {
        SealingKeys current = keys;
        if (current == null) {
            current = CDI.current().select(SealingKeys.class).get();
            keys = current;
        }
        return current;
    }

    @Override
    public boolean onPreInsert(PreInsertEvent event) {
        seal(event.getPersister(), event.getEntity(), event.getId(), event.getState(), event.getSession());
        return false;
    }

    @Override
    public boolean onPreUpdate(PreUpdateEvent event) {
        seal(event.getPersister(), event.getEntity(), event.getId(), event.getState(), event.getSession());
        return false;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        restore(event.getPersister(), event.getEntity(), event.getState(), event.getSession());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        restore(event.getPersister(), event.getEntity(), event.getState(), event.getSession());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    @Override
    public void onPreLoad(PreLoadEvent event) {
        EntityPersister persister = event.getPersister();
        List<Slot> sealed = slotsOf(persister);
        if (sealed.isEmpty()) {
            return;
        }
        Object[] state = event.getState();
        String table = tableOf(persister);
        String row = String.valueOf(event.getId());
        for (Slot slot : sealed) {
            if (slot.part() < 0) {
                state[slot.property()] = open(table, slot, row, (String) state[slot.property()], event.getSession());
            } else if (state[slot.property()] != null) {
                ComponentType component = (ComponentType) persister.getPropertyTypes()[slot.property()];
                Object value = state[slot.property()];
                Object[] parts = component.getPropertyValues(value);
                parts[slot.part()] = open(table, slot, row, (String) parts[slot.part()], event.getSession());
                component.setPropertyValues(value, parts);
            }
        }
    }

    private void seal(EntityPersister persister, Object entity, Object id, Object[] state,
                      SharedSessionContractImplementor session) {
        List<Slot> sealed = slotsOf(persister);
        if (sealed.isEmpty()) {
            return;
        }
        String scope = ((SealedRecord) entity).sealingScope();
        Aead key = keys().forSealing(scope, connection(session), madeIn(session));
        String table = tableOf(persister);
        String row = String.valueOf(id);
        Type[] types = persister.getPropertyTypes();
        Object[] copied = new Object[state.length];
        for (Slot slot : sealed) {
            String where = table + "/" + slot.column() + "/" + row;
            if (slot.part() < 0) {
                state[slot.property()] = seal(key, scope, where, (String) state[slot.property()]);
            } else if (state[slot.property()] != null) {
                ComponentType component = (ComponentType) types[slot.property()];
                if (copied[slot.property()] == null) {
                    copied[slot.property()] = component.deepCopy(state[slot.property()], persister.getFactory());
                    state[slot.property()] = copied[slot.property()];
                }
                Object[] parts = component.getPropertyValues(copied[slot.property()]);
                parts[slot.part()] = seal(key, scope, where, (String) parts[slot.part()]);
                component.setPropertyValues(copied[slot.property()], parts);
            }
        }
    }

    /** After the write: the entry remembers the clear values the entity holds, not the sealed ones written. */
    private void restore(EntityPersister persister, Object entity, Object[] state,
                         SharedSessionContractImplementor session) {
        List<Slot> sealed = slotsOf(persister);
        if (sealed.isEmpty()) {
            return;
        }
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
        Object[] loaded = entry == null ? null : entry.getLoadedState();
        Type[] types = persister.getPropertyTypes();
        for (Slot slot : sealed) {
            int i = slot.property();
            Object clear = types[i].deepCopy(persister.getValue(entity, i), persister.getFactory());
            state[i] = clear;
            if (loaded != null) {
                loaded[i] = types[i].deepCopy(clear, persister.getFactory());
            }
        }
    }

    static String seal(Aead key, String scope, String where, String clear) {
        if (clear == null) {
            return null;
        }
        try {
            byte[] sealed = key.encrypt(clear.getBytes(StandardCharsets.UTF_8), associated(scope, where));
            return PREFIX + scope + ":" + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing " + where + " failed", e);
        }
    }

    private String open(String table, Slot slot, String row, String stored, SharedSessionContractImplementor session) {
        SealingKeys.Made mine = made.get(session); // keys this transaction made, if it made any
        return open(table + "/" + slot.column() + "/" + row, stored, slot.number(),
                scope -> keys().forOpening(scope, connection(session), mine == null ? NONE : mine));
    }

    /**
     * Opens {@code stored}, found at {@code where} ({@code table/column/row}), with the key its header names;
     * an erased value reads as empty text, or as nothing when it held a number.
     */
    static String open(String where, String stored, boolean number, Function<String, Optional<Aead>> keyOf) {
        if (stored == null) {
            return null;
        }
        if (ERASED.equals(stored)) {
            return number ? null : "";
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (!stored.startsWith(PREFIX) || colon < 0) {
            throw refused(where, "it is not a sealed value of this version", null);
        }
        String scope = stored.substring(PREFIX.length(), colon);
        Optional<Aead> key = keyOf.apply(scope);
        if (key.isEmpty()) {
            return number ? null : ""; // erased: its key is gone
        }
        try {
            byte[] opened = key.get().decrypt(Base64.getDecoder().decode(stored.substring(colon + 1)),
                    associated(scope, where));
            return new String(opened, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused(where, "it was sealed for another row, column or table, or altered", e);
        }
    }

    /** The scope whose key sealed {@code stored}, or null when it holds no sealed value (empty, erased). */
    static String scopeOf(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return null;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        return colon < 0 ? null : stored.substring(PREFIX.length(), colon);
    }

    private static IllegalStateException refused(String where, String why, Exception cause) {
        // The place only, never the value: this message reaches the log.
        String message = "The sealed value at " + where + " does not open: " + why;
        LOG.severe(message);
        return new IllegalStateException(message, cause);
    }

    private static byte[] associated(String scope, String where) {
        return ("continuum/v2/" + scope + "/" + where).getBytes(StandardCharsets.UTF_8);
    }

    private SealingKeys.Made madeIn(SharedSessionContractImplementor session) {
        SessionImplementor owner = (SessionImplementor) session;
        synchronized (made) {
            SealingKeys.Made mine = made.get(session);
            if (mine == null) {
                SealingKeys.Made fresh = new SealingKeys.Made();
                made.put(session, fresh);
                owner.getActionQueue().registerProcess((success, s) -> {
                    made.remove(s);
                    if (success) {
                        keys().committed(fresh);
                    }
                });
                mine = fresh;
            }
            return mine;
        }
    }

    private static Connection connection(SharedSessionContractImplementor session) {
        return session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
    }

    private static String tableOf(EntityPersister persister) {
        return ((AbstractEntityPersister) persister).getTableName();
    }

    /** The sealed fields of an entity, found once from its annotations. */
    List<Slot> slotsOf(EntityPersister persister) {
        return slots.computeIfAbsent(persister.getEntityName(), name -> find(persister));
    }

    private static List<Slot> find(EntityPersister persister) {
        AbstractEntityPersister mapped = (AbstractEntityPersister) persister;
        String[] names = persister.getPropertyNames();
        Type[] types = persister.getPropertyTypes();
        Class<?> entity = persister.getMappedClass();
        List<Slot> found = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (types[i] instanceof ComponentType component) {
                String[] parts = component.getPropertyNames();
                for (int j = 0; j < parts.length; j++) {
                    Sealed sealed = annotation(component.getReturnedClass(), parts[j]);
                    if (sealed != null) {
                        found.add(new Slot(i, j, mapped.getPropertyColumnNames(names[i] + "." + parts[j])[0],
                                sealed.number()));
                    }
                }
            } else {
                Sealed sealed = annotation(entity, names[i]);
                if (sealed != null) {
                    found.add(new Slot(i, -1, mapped.getPropertyColumnNames(i)[0], sealed.number()));
                }
            }
        }
        if (!found.isEmpty() && !SealedRecord.class.isAssignableFrom(entity)) {
            throw new IllegalStateException(entity.getName() + " has sealed fields but does not say whose key seals"
                    + " them (SealedRecord)");
        }
        return List.copyOf(found);
    }

    private static Sealed annotation(Class<?> type, String field) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                return f.getAnnotation(Sealed.class);
            } catch (NoSuchFieldException next) {
                // a field of a superclass
            }
        }
        return null;
    }
}
