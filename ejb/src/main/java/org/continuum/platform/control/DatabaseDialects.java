package org.continuum.platform.control;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Chooses Hibernate's SQL dialect (persistence.xml, {@code hibernate.dialect_resolvers}); for every database but H2
 * Hibernate's own choice stands.
 *
 * <p>On H2, an ORDER BY item that is also selected is written as its column, not as its position in the select list
 * ({@code order by c.next_review_at, c.id}, not {@code order by 6, 1}): H2 uses an index to give the order only when
 * the ORDER BY names the index's columns, and otherwise reads and sorts every matching row (P2: a team's 50,000 case
 * files for each page of 25, a team's overdue reviews for each dashboard).
 */
public class DatabaseDialects implements DialectResolver {

    private static final long serialVersionUID = 1L;

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return "H2".equals(info.getDatabaseName()) ? new H2OrderByColumns(info) : null;
    }

    /** H2 with ORDER BY items written as columns. */
    public static class H2OrderByColumns extends H2Dialect {

        public H2OrderByColumns(DialectResolutionInfo info) {
            super(info);
        }

        @Override
        public boolean supportsOrdinalSelectItemReference() {
            return false;
        }
    }
}
