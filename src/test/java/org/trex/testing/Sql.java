package org.trex.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.trex.source.DatabaseUrl;

/** Plain SQL for tests: independent of the jOOQ code under test. */
public final class Sql {
    private Sql() {
    }

    public static long count(DatabaseUrl url, String sql) {
        try (Connection c = url.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static double share(DatabaseUrl url, String numerator, String denominator) {
        return (double) count(url, numerator) / count(url, denominator);
    }

    public static List<String> strings(DatabaseUrl url, String sql) {
        try (Connection c = url.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static void execute(DatabaseUrl url, String sql) {
        try (Connection c = url.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
