package org.continuum.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Draws numbers from database sequences. The SQL comes from Hibernate's dialect so the same code runs on H2 and
 * PostgreSQL; a sequence never blocks concurrent transactions the way a counter row would.
 */
@ApplicationScoped
public class DatabaseSequences {

    @PersistenceContext
    EntityManager em;

    public long next(String sequence) {
        SessionFactoryImplementor factory = em.unwrap(Session.class).getSessionFactory()
                .unwrap(SessionFactoryImplementor.class);
        String sql = factory.getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(sequence);
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
