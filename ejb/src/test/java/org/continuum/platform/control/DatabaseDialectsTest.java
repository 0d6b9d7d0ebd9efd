package org.continuum.platform.control;

import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseDialectsTest {

    private static DialectResolutionInfo database(String name, String version, int major, int minor) {
        return new DialectResolutionInfo() {
            @Override
            public String getDatabaseName() {
                return name;
            }

            @Override
            public String getDatabaseVersion() {
                return version;
            }

            @Override
            public String getDriverName() {
                return name + " JDBC Driver";
            }

            @Override
            public int getDriverMajorVersion() {
                return major;
            }

            @Override
            public int getDriverMinorVersion() {
                return minor;
            }

            @Override
            public String getSQLKeywords() {
                return "";
            }

            @Override
            public int getDatabaseMajorVersion() {
                return major;
            }

            @Override
            public int getDatabaseMinorVersion() {
                return minor;
            }
        };
    }

    @Test
    void onH2OrderByNamesColumnsNotSelectPositions() {
        var dialect = new DatabaseDialects().resolveDialect(database("H2", "2.2.224 (2023-09-17)", 2, 2));
        assertThat(dialect).isInstanceOf(DatabaseDialects.H2OrderByColumns.class);
        assertThat(dialect.supportsOrdinalSelectItemReference()).isFalse();
        assertThat(dialect.getVersion().getMajor()).as("H2's own version detection kept").isEqualTo(2);
    }

    @Test
    void otherDatabasesKeepHibernatesChoice() {
        assertThat(new DatabaseDialects().resolveDialect(database("PostgreSQL", "15.10", 15, 10))).isNull();
    }
}
