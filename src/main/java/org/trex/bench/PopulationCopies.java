package org.trex.bench;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/**
 * Enlarges a generated population past {@code trex generate}'s limit, for a benchmark at a size no 999-range
 * population reaches: copies its hospital spells, its council people and their social care events, in set-based SQL,
 * until the spells reach a target (the last copy partial). Each copy gives everyone the NHS number of someone else
 * (a rotation of the distinct numbers, by their link key), the same rotation on both sides, so a copy's spells still
 * link to its own social care, as the original's do; numbers then repeat across people, as in the bench loader.
 * Copied numbers are stored plainly (no spaces or dashes); dates, codes and everything else are the original's.
 * The copies are left unanalysed: the bench vacuums and analyses the whole database next ({@link SettledTables}).
 */
public final class PopulationCopies {
    /** How far apart the copies' rotations are: a prime, so no two copies give one person the same number. */
    private static final long ROTATION_STEP = 104_729;
    private static final String KEY = "replace(replace(%s, ' ', ''), '-', '')";

    private PopulationCopies() {
    }

    /** What the copies made: the spells and social care events now in the database, and the copies made. */
    public record Enlarged(long spells, long events, int copies, Duration took) {
        public Enlarged {
            requireNonNull(took, "took is null");
        }
    }

    /** Copies the population in the database at {@code url} until it holds {@code spells} hospital spells. */
    public static Enlarged enlarge(DatabaseUrl url, long spells) {
        requireNonNull(url, "url is null");
        long started = System.nanoTime();
        try (Connection connection = url.connect()) {
            connection.setAutoCommit(false);
            long original = count(connection, "SELECT count(*) FROM health.inpatient_spell");
            if (original == 0 || spells < original) {
                throw new IllegalArgumentException("Cannot enlarge a population of " + original + " spells to "
                        + spells + " spells: give at least as many spells as it holds, and generate some first");
            }
            long maxSpell = count(connection, "SELECT max(spell_id) FROM health.inpatient_spell");
            long maxPerson = count(connection, "SELECT coalesce(max(person_id), 0) FROM social_care.person");
            long maxEvent = count(connection, "SELECT coalesce(max(event_id), 0) FROM social_care.event");
            // Each copy's IDs lie past the span of the originals' (which may start at 0 or below).
            long spellSpan = maxSpell - count(connection, "SELECT min(spell_id) FROM health.inpatient_spell") + 1;
            long personSpan = maxPerson + 1
                    - count(connection, "SELECT coalesce(min(person_id), 0) FROM social_care.person");
            long eventSpan = maxEvent + 1
                    - count(connection, "SELECT coalesce(min(event_id), 0) FROM social_care.event");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE trex_rotation ON COMMIT DROP AS SELECT key, row_number() OVER"
                        + " (ORDER BY key) - 1 AS i FROM (SELECT " + key("nhs_number") + " AS key FROM"
                        + " health.inpatient_spell WHERE nhs_number IS NOT NULL UNION SELECT " + key("nhs_number")
                        + " FROM social_care.person WHERE nhs_number IS NOT NULL) AS keys");
                statement.execute("CREATE UNIQUE INDEX ON trex_rotation (key)");
                statement.execute("CREATE UNIQUE INDEX ON trex_rotation (i)");
            }
            long numbers = count(connection, "SELECT count(*) FROM trex_rotation");
            int copies = 0;
            for (long remaining = spells - original; remaining > 0; remaining -= original) {
                copies++;
                long shift = copies * ROTATION_STEP % numbers;
                long lastSpell = remaining >= original ? maxSpell : count(connection,
                        "SELECT spell_id FROM health.inpatient_spell ORDER BY spell_id OFFSET " + (remaining - 1)
                                + " LIMIT 1");
                copy(connection, "health", "inpatient_spell", Map.of("spell_id", "t.spell_id + " + copies * spellSpan),
                        shift, numbers, "t.spell_id <= " + lastSpell);
                copy(connection, "social_care", "person", Map.of("person_id", "t.person_id + " + copies * personSpan,
                        "council_person_id", "t.council_person_id || '-copy" + copies + "'"), shift, numbers,
                        "t.person_id <= " + maxPerson);
                copy(connection, "social_care", "event", Map.of("event_id", "t.event_id + " + copies * eventSpan,
                        "person_id", "t.person_id + " + copies * personSpan), shift, numbers,
                        "t.event_id <= " + maxEvent);
            }
            connection.commit();
            return new Enlarged(count(connection, "SELECT count(*) FROM health.inpatient_spell"),
                    count(connection, "SELECT count(*) FROM social_care.event"), copies,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException e) {
            throw new DatabaseException("Cannot enlarge the population in " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }

    /**
     * One copy of a table's original rows: the {@code replaced} columns by their expressions over the original row
     * {@code t}, its NHS number (if it has one) rotated by {@code shift}, every other column as it is.
     */
    private static void copy(Connection connection, String schema, String table, Map<String, String> replaced,
            long shift, long numbers, String originals) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        boolean numbered = columns.contains("nhs_number");
        List<String> values = columns.stream().map(c -> replaced.containsKey(c) ? replaced.get(c)
                : c.equals("nhs_number") ? "rotated.key" : "t." + c).toList();
        String sql = "INSERT INTO " + schema + "." + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " FROM " + schema + "." + table + " AS t"
                + (numbered ? " LEFT JOIN trex_rotation AS own ON own.key = " + key("t.nhs_number")
                        + " LEFT JOIN trex_rotation AS rotated ON rotated.i = (own.i + " + shift + ") % " + numbers
                        : "")
                + " WHERE " + originals;
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String key(String column) {
        return String.format(KEY, column);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
