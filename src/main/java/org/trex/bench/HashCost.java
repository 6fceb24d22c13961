package org.trex.bench;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sha2;

import java.sql.SQLException;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.trex.pseudonym.IdentifierKind;
import org.trex.pseudonym.PseudonymKey;
import org.trex.run.PseudonymFunction;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/**
 * Our keyed pseudonym (the {@link PseudonymFunction} a run uses) against Spark's built-in unkeyed {@code sha2}
 * over the same cached NHS number column in
 * one session: each forced by a no-op write, best of {@value #ROUNDS} alternating rounds so neither pays the
 * warm-up alone.
 */
public final class HashCost {
    static final int ROUNDS = 3;

    private HashCost() {
    }

    /** Seconds per pass over {@code rows} values for each hash, best of the rounds. */
    public record Times(long rows, double sha2Seconds, double hmacSeconds) {
        public double ratio() {
            return hmacSeconds / sha2Seconds;
        }
    }

    public static Times measure(SparkSession spark, DatabaseUrl url, PseudonymKey key, int partitions) {
        requireNonNull(spark, "spark is null");
        requireNonNull(url, "url is null");
        requireNonNull(key, "key is null");
        Properties properties = new Properties();
        properties.setProperty("fetchsize", "10000");
        properties.setProperty("driver", "org.postgresql.Driver");
        Dataset<Row> numbers = spark.read()
                .jdbc(url.jdbcUrl(), "(SELECT spell_id, nhs_number FROM health.inpatient_spell) AS src", "spell_id",
                        1, maxSpellId(url) + 1, partitions, properties)
                .select(col("nhs_number")).cache();
        try {
            long rows = numbers.count();
            PseudonymFunction pseudonyms = new PseudonymFunction(IdentifierKind.NHS_NUMBER, key);
            double sha2Best = Double.MAX_VALUE;
            double hmacBest = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                sha2Best = Math.min(sha2Best, timed(numbers.select(sha2(col("nhs_number"), 256))));
                hmacBest = Math.min(hmacBest, timed(numbers.select(pseudonyms.apply(col("nhs_number")))));
            }
            return new Times(rows, sha2Best, hmacBest);
        } finally {
            numbers.unpersist();
        }
    }

    private static double timed(Dataset<Row> hashed) {
        long started = System.nanoTime();
        hashed.write().format("noop").mode("overwrite").save();
        return (System.nanoTime() - started) / 1e9;
    }

    private static long maxSpellId(DatabaseUrl url) {
        try (var connection = url.connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT coalesce(max(spell_id), 0) FROM health.inpatient_spell")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the spells' largest ID from " + url.redacted()
                    + ": " + DatabaseUrl.safeMessage(e), e);
        }
    }
}
