package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.nhs.NhsNumber;
import org.trex.optout.ExclusionRules;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.Applicability;
import org.trex.spec.DisclosureRules;
import org.trex.spec.ExtractSpec;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.Policy;
import org.trex.testing.SourceFixture;
import org.trex.testing.Specs;
import org.trex.testing.TestDatabase;

/**
 * Runs an extract on a real standalone cluster (Master, Worker and executors each their own JVM) and on
 * {@code local-cluster}, and gets the same files as local mode. The Worker's Spark jars leave out TREx's
 * classes and the PostgreSQL driver: the executors only have them if the session ships them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsOnStandaloneClusterTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 15);
    static final String KEPT = "9990000018";
    static final String OBJECTOR = "9990000026";
    static final String NATIONAL = "9990000042";
    static final String SPACED = "999 000 0069";
    static final String BAD_CHECK_DIGIT = "9990000019";
    static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");

    final PseudonymKey key = PseudonymKey.fromHex("cd".repeat(32), "test");
    final List<Process> cluster = new ArrayList<>();
    DatabaseUrl url;
    String masterUrl;
    Extract local;

    @TempDir
    static Path dir;
    Path secretFile;
    Path properties;

    /** What one run wrote: the CSV text of each output and what each left out. */
    record Extract(Map<String, String> csv, Map<String, Map<String, Long>> leftOut) {
    }

    @BeforeAll
    void startClusterAndRunLocally() throws Exception {
        secretFile = dir.resolve("cluster.secret");
        properties = dir.resolve("cluster.properties");
        // The cluster's daemons and TREx share one secret, as on a real cluster: TREx refuses spark:// without it.
        Files.writeString(secretFile, "ab".repeat(32) + "\n");
        Files.setPosixFilePermissions(secretFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(properties, "spark.authenticate=true\nspark.network.crypto.enabled=true\n"
                + "spark.authenticate.secret=" + "ab".repeat(32) + "\n");
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars")).getParent();
        for (Path jar : classPathJars()) {
            if (!jar.equals(codeSource(org.postgresql.Driver.class))) {
                Files.createSymbolicLink(sparkHome.resolve("jars").resolve(jar.getFileName()), jar);
            }
        }
        Process master = launch("master", sparkHome, List.of("org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--properties-file", properties.toString()));

        url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            for (String number : List.of(KEPT, OBJECTOR, NATIONAL, SPACED, BAD_CHECK_DIGIT)) {
                fixture.spell(number, DISCHARGED.minusDays(10), DISCHARGED, DISCHARGED.minusDays(3));
            }
            fixture.spell(null, DISCHARGED.minusDays(4), DISCHARGED, null);
            fixture.objection(fixture.person(OBJECTOR, LocalDate.of(1944, 3, 10), "LE1 5WW"),
                    LocalDate.of(2024, 1, 1), null);
            fixture.nationalList(LocalDate.of(2025, 6, 1), NATIONAL);
        }
        local = extract("local[2]", "local");

        Matcher started = MASTER_URL.matcher(await(master, "master", "I have been elected leader"));
        assertThat(started.find()).as("master URL in the master's log").isTrue();
        masterUrl = started.group(1);
        Process worker = launch("worker", sparkHome, List.of("org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "2", "--memory", "2g",
                "--work-dir", dir.resolve("worker-work").toString(),
                "--properties-file", properties.toString(), masterUrl));
        await(worker, "worker", "Successfully registered with master");
    }

    @AfterAll
    void stopCluster() throws InterruptedException {
        for (int i = cluster.size() - 1; i >= 0; i--) {
            Process process = cluster.get(i);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void localModeLeavesOutObjectorsOptOutsAndBadNumbers() {
        assertThat(local.leftOut().get("spells")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "local_objection", 1L, "national_data_opt_out_or_unchecked", 1L, "invalid_nhs_number", 1L,
                "missing_nhs_number", 1L));
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        String spells = local.csv().get("spells");
        assertThat(spells)
                .contains(pseudonymiser.pseudonym(NhsNumber.parse(KEPT)),
                        pseudonymiser.pseudonym(NhsNumber.parse(SPACED)))
                .doesNotContain(pseudonymiser.pseudonym(NhsNumber.parse(OBJECTOR)),
                        pseudonymiser.pseudonym(NhsNumber.parse(NATIONAL)))
                .doesNotContain(KEPT, OBJECTOR, NATIONAL, BAD_CHECK_DIGIT);
        // Every band is listed, the six no one is in with their zeros suppressed; and so is 2-3, which both spells
        // are in: the spells file shows their two rows, so its count would say which band each of them is in.
        assertThat(local.csv().get("delays_by_band")).isEqualTo("delay_band,discharges,people,emergency\n0,,,\n1,,,\n"
                + "2-3,,,\n4-6,,,\n7-13,,,\n14-20,,,\n21+,,,\n");
    }

    @Test
    void standaloneClusterWritesWhatLocalModeWrites() throws IOException {
        Extract onCluster = extract(masterUrl, "standalone");

        assertThat(onCluster).isEqualTo(local);
        try (Stream<Path> logs = Files.walk(dir.resolve("worker-work"))) {
            assertThat(logs.filter(p -> p.getFileName().toString().equals("stderr")))
                    .as("executor logs: the executors ran as the Worker's own JVMs").isNotEmpty();
        }
    }

    @Test
    void localClusterWritesWhatLocalModeWrites() throws IOException {
        // SPARK_HOME comes from Surefire's configuration: Spark's in-process worker reads it from the environment.
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));

        assertThat(extract("local-cluster[2,1,1024]", "local-cluster")).isEqualTo(local);
    }

    private Extract extract(String master, String name) {
        return withSession(master, name, spark -> {
            ExtractSpec spec = Specs.spec(Specs.cohort(List.of()), List.of(Specs.spells(), Specs.delaysByBand()));
            Policy policy = Specs.policy(Applicability.APPLIES, Applicability.APPLIES,
                    new DisclosureRules(1, KAnonymityAction.SUPPRESS, 0, 1));
            ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(spec, policy, AS_OF, "{}", "{}");
            ExclusionRules rules = OptOutLoader.load(url, plan.exclusions());
            Path data = createDirectories(dir.resolve(name + "/data"));
            List<OutputResult> results = new ExtractJob(spark, url, SourceCatalog.standard(), 2)
                    .run(plan, rules, key, data).outputs();
            return new Extract(
                    results.stream().collect(Collectors.toMap(r -> r.plan().name(),
                            r -> read(data.resolve(r.plan().name() + ".csv")))),
                    results.stream().collect(Collectors.toMap(r -> r.plan().name(), r -> r.excluded().stream()
                            .collect(Collectors.toMap(ExclusionCount::reason, ExclusionCount::rows)))));
        });
    }

    /** Runs {@code work} on a session of its own: one SparkContext per JVM, so any other session stops first. */
    private <T> T withSession(String master, String name, Function<SparkSession, T> work) {
        for (scala.Option<SparkSession> other
                : List.of(SparkSession.getActiveSession(), SparkSession.getDefaultSession())) {
            if (other.isDefined()) {
                other.get().stop();
            }
        }
        SparkSession spark = SparkSessions.create(master, createDirectories(dir.resolve(name + "/scratch")),
                Map.of(SparkSecret.FILE_VARIABLE, secretFile.toString()));
        try {
            return work.apply(spark);
        } finally {
            spark.stop();
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
        }
    }

    private Process launch(String name, Path sparkHome, List<String> mainAndArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("src/main/launcher/jvm.options").toAbsolutePath(), "-Xmx512m",
                "-Djava.io.tmpdir=" + createDirectories(dir.resolve(name + "-tmp")),
                "-cp", sparkHome.resolve("jars") + File.separator + "*"));
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_LOCAL_DIRS", createDirectories(dir.resolve(name + "-local")).toString());
        Process process = builder.start();
        cluster.add(process);
        return process;
    }

    /** The process's log once it shows {@code ready}; a cluster that cannot start fails the test, never skips it. */
    private String await(Process process, String name, String ready) throws InterruptedException {
        Path log = dir.resolve(name + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            String text = read(log);
            if (text.contains(ready)) {
                return text;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Cannot start the Spark " + name + ": no \"" + ready + "\" in its log "
                        + (process.isAlive() ? "after 90 s" : "before it exited") + ":\n" + text);
            }
            Thread.sleep(100);
        }
    }

    /** The jars this JVM runs on: Spark and everything else, as a distribution's jars/ folder would hold. */
    private static List<Path> classPathJars() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (entry.endsWith(".jar") && !path.getFileName().toString().startsWith("surefire")) {
                jars.add(path);
            }
        }
        return jars.stream().distinct().toList();
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot find the jar of " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static Path createDirectories(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
