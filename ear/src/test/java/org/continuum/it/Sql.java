package org.continuum.it;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the database directly, beside the boundaries, to check what really got stored. */
public final class Sql {

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... params) {
        return Long.parseLong(string(sql, params));
    }

    /** A direct write, for test housekeeping only (never to set up what a boundary should have done). */
    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single number, or null when the row or the value is missing. */
    public Long longValue(String sql, Object... params) {
        String value = string(sql, params);
        return value == null ? null : Long.valueOf(value);
    }

    public String string(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row. */
    public java.util.List<String> strings(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The sealed values of {@code table.column} in the rows {@code where} picks, opened where they were found (each
     * row named by {@code rowKey}, SQL: {@code id} for most tables).
     */
    public java.util.List<String> opened(org.continuum.security.control.SealedValues sealed, String table,
                                         String rowKey, String column, String where, Object... params) {
        String sql = "select " + rowKey + ", " + column + " from " + table + " where " + where;
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        java.util.List<String> found = new java.util.ArrayList<>();
        for (String[] row : rows) {
            found.add(row[1] == null ? null : sealed.open(table, column, row[0], row[1]));
        }
        return found;
    }
}
