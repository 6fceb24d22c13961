package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Creates the Spark session a run uses, local by default, any master URL for a cluster. */
public final class SparkSessions {
    /** The default master: every core of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {
    }

    /**
     * A session for {@code master} whose scratch files live under {@code scratch}, so a run leaves
     * nothing in /tmp. The UI is off: a TRE desktop has no use for an open port.
     */
    public static SparkSession create(String master, Path scratch) {
        requireNonNull(master, "master is null");
        requireNonNull(scratch, "scratch is null");
        SparkSession.Builder builder = SparkSession.builder()
                .appName("trex")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.local.dir", scratch.toAbsolutePath().toString())
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", master.startsWith("local") ? "8" : "64")
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.sql.sources.commitProtocolClass",
                        "org.apache.spark.sql.execution.datasources.SQLHadoopMapReduceCommitProtocol")
                .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
                .config("spark.hadoop.parquet.enable.summary-metadata", "false");
        if (master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }
}
