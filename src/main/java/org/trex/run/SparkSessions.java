package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the Spark session a run uses, local by default, any master URL for a cluster.
 *
 * <p>Executors of a cluster run TREx's own classes (the row shaper, the broadcast exclusions) and read
 * PostgreSQL themselves, so for {@code spark://} and other cluster masters TREx's jar and the PostgreSQL
 * driver jar go out through {@code spark.jars}; when TREx runs from a class folder (tests, an IDE) that
 * folder is packed into a jar under the scratch folder first. {@code local-cluster[...]} runs its
 * executors on this machine, so they simply get this JVM's class path; it needs {@code SPARK_HOME}
 * naming a folder with a {@code jars/} subfolder (it may be empty), as Spark's in-process worker looks
 * there.
 */
public final class SparkSessions {
    /** The default master: every core of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    private static final String LOCAL_CLUSTER = "local-cluster[";

    private SparkSessions() {
    }

    /**
     * A session for {@code master} whose scratch files live under {@code scratch}, so a run leaves
     * nothing in /tmp. The UI is off: a TRE desktop has no use for an open port.
     */
    public static SparkSession create(String master, Path scratch) {
        return create(master, scratch, System.getenv());
    }

    /** As {@link #create(String, Path)}, with the environment that may name a cluster's secret file. */
    public static SparkSession create(String master, Path scratch, Map<String, String> environment) {
        requireNonNull(master, "master is null");
        requireNonNull(scratch, "scratch is null");
        requireNonNull(environment, "environment is null");
        SparkSession.Builder builder = SparkSession.builder()
                .appName("trex")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.local.dir", scratch.toAbsolutePath().toString())
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", isLocal(master) ? "8" : "64")
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.sql.sources.commitProtocolClass",
                        "org.apache.spark.sql.execution.datasources.SQLHadoopMapReduceCommitProtocol")
                .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
                .config("spark.hadoop.parquet.enable.summary-metadata", "false")
                // Spark 4 isolates each session's artifacts: executors then ask the driver's file server for every
                // class a generated class names (Janino tries org.apache.spark.sql.catalyst.expressions.Object before
                // java.lang.Object). With authenticated, encrypted transfer a "not found" reply can come back as a
                // RemoteClassLoaderError that fails the task. TREx adds no artifacts, so it needs no isolation.
                .config("spark.sql.artifact.isolation.enabled", "false");
        clusterSettings(master, scratch).forEach(builder::config);
        SparkSecret.settings(master, environment).forEach(builder::config);
        return builder.getOrCreate();
    }

    /** What a master needs beyond the common settings: nothing for local mode, code and addresses otherwise. */
    static Map<String, String> clusterSettings(String master, Path scratch) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (isLocal(master)) {
            settings.put("spark.driver.host", "127.0.0.1");
            settings.put("spark.driver.bindAddress", "127.0.0.1");
            return settings;
        }
        if (onLoopback(master)) {
            // Executors on this machine must call the driver back on the address the master listens on.
            settings.put("spark.driver.host", "127.0.0.1");
            settings.put("spark.driver.bindAddress", "127.0.0.1");
        }
        // A worker started by hand (or local-cluster's in-process one) has no SPARK_SCALA_VERSION and then
        // fails every executor with "Cannot find any build directories".
        settings.put("spark.executorEnv.SPARK_SCALA_VERSION", scalaVersion());
        if (master.startsWith(LOCAL_CLUSTER)) {
            requireSparkHome(master);
            settings.put("spark.executor.extraClassPath", absoluteClassPath());
            settings.put("spark.executor.extraJavaOptions", "-Djava.io.tmpdir=" + scratch.toAbsolutePath());
        } else {
            settings.put("spark.jars", String.join(",", jars(scratch)));
        }
        return settings;
    }

    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    private static boolean onLoopback(String master) {
        if (master.startsWith(LOCAL_CLUSTER)) {
            return true;
        }
        for (String hostPort : master.replaceFirst("^[a-z]+://", "").split(",")) {
            String host = hostPort.replaceFirst(":\\d+$", "");
            if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"))) {
                return false;
            }
        }
        return true;
    }

    private static String scalaVersion() {
        String full = scala.util.Properties$.MODULE$.versionNumberString();
        return full.substring(0, full.lastIndexOf('.'));
    }

    private static void requireSparkHome(String master) {
        String home = System.getenv("SPARK_HOME");
        if (home == null || home.isBlank() || !Files.isDirectory(Path.of(home, "jars"))) {
            throw new IllegalStateException("Cannot start Spark master " + master + ": SPARK_HOME must name a folder "
                    + "with a jars/ subfolder (it may be empty; bin/trex sets one up), it is " + home);
        }
    }

    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .reduce((a, b) -> a + File.pathSeparator + b)
                .orElseThrow(() ->
                        new IllegalStateException("Cannot ship TREx to executors: java.class.path is empty"));
    }

    /**
     * TREx's jar and the PostgreSQL driver's, after any jars already asked for (spark-submit puts the
     * application jar there), each once.
     */
    private static List<String> jars(Path scratch) {
        Map<Path, String> jars = new LinkedHashMap<>();
        String already = System.getProperty("spark.jars", "");
        for (String jar : already.split(",")) {
            if (!jar.isBlank()) {
                jars.put(localPath(jar.trim()), jar.trim());
            }
        }
        for (Class<?> type : List.of(SparkSessions.class, org.postgresql.Driver.class)) {
            Path jar = asJar(codeSource(type), scratch);
            jars.putIfAbsent(jar, jar.toString());
        }
        return new ArrayList<>(jars.values());
    }

    private static Path localPath(String jar) {
        try {
            URI uri = new URI(jar);
            return uri.getScheme() == null ? Path.of(jar).toAbsolutePath().normalize()
                    : uri.getScheme().equals("file") ? Path.of(uri).normalize() : Path.of(jar);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(jar);
        }
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath()
                    .normalize();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Cannot ship " + type.getName()
                    + " to executors: its code source is unknown", e);
        }
    }

    /** The jar itself, or a class folder packed into a jar under {@code scratch}. */
    private static Path asJar(Path codeSource, Path scratch) {
        if (!Files.isDirectory(codeSource)) {
            return codeSource;
        }
        Path jar = scratch.toAbsolutePath().resolve("executor-" + codeSource.getFileName() + ".jar");
        try {
            Files.createDirectories(scratch);
            try (OutputStream file = Files.newOutputStream(jar);
                    ZipOutputStream zip = new ZipOutputStream(file);
                    Stream<Path> paths = Files.walk(codeSource)) {
                for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(codeSource.relativize(path).toString()
                            .replace(File.separatorChar, '/')));
                    Files.copy(path, zip);
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack " + codeSource + " into " + jar + " for the executors: "
                    + e.getMessage(), e);
        }
    }
}
