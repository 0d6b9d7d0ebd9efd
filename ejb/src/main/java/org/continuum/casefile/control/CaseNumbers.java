package org.continuum.casefile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Draws case numbers from the {@code casefile_number_seq} database sequence. The SQL comes from Hibernate's dialect
 * so the same code runs on H2 and PostgreSQL; a sequence never blocks concurrent intakes the way a counter row
 * would.
 */
@ApplicationScoped
public class CaseNumbers {

    static final String SEQUENCE = "casefile_number_seq";

    @PersistenceContext
    EntityManager em;

    public long next() {
        SessionFactoryImplementor factory = em.unwrap(Session.class).getSessionFactory()
                .unwrap(SessionFactoryImplementor.class);
        String sql = factory.getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(SEQUENCE);
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
