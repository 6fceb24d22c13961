package org.trex.testing;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.trex.run.SparkSessions;

/** One Spark session per test JVM, local[2] as on CI's two cores. */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        // A cluster test stops this session to start its own: one SparkContext per JVM.
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSessions.create("local[2]", Path.of(System.getProperty("java.io.tmpdir"), "spark"));
        }
        return session;
    }
}
