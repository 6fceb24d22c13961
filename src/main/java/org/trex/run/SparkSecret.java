package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * The settings that make Spark's RPC and block transfer authenticated and encrypted, with the secret they use.
 *
 * <p>Why: the pseudonymisation key reaches the tasks inside their closures, and Spark ships every stage's
 * closure as a broadcast block, which the driver's block manager serves to any client that asks; the
 * exclusion lists (opted-out NHS numbers) are broadcast too. Without authentication any local user could
 * fetch those blocks from the loopback port. With {@code spark.authenticate} every connection to the driver's
 * and the executors' ports must prove it holds the secret, and {@code spark.network.crypto.enabled} encrypts
 * what then travels, so blocks reach only this run's own executors. Sealing the key inside the closure
 * instead would need a second secret the executors already hold, and that is this secret: it would protect
 * nothing that authentication does not.
 *
 * <p>Where the secret comes from: in {@code local} modes Spark makes a fresh random 256-bit one per session
 * itself, held in this JVM only. {@code local-cluster} gets a fresh random one from here (its in-process
 * worker hands it to its executors in their environment, which only this user can read, never on a command
 * line). A standalone cluster's master, workers and applications must share one secret (the workers give it
 * to the executors they start), so {@code spark://} takes the cluster's: {@code spark.authenticate.secret}
 * when spark-submit set it (a {@code --properties-file}, never {@code --conf} on a command line {@code ps}
 * shows), else the owner-only file {@value #FILE_VARIABLE} names; without either it refuses to start.
 */
public final class SparkSecret {
    /** The environment variable naming the file that holds a standalone cluster's {@code spark.authenticate.secret}. */
    public static final String FILE_VARIABLE = "TREX_SPARK_SECRET_FILE";
    static final String SECRET = "spark.authenticate.secret";
    private static final int MIN_LENGTH = 32;

    private SparkSecret() {
    }

    /** The authentication and encryption settings for {@code master}, with its secret where Spark needs one. */
    static Map<String, String> settings(String master, Map<String, String> environment) {
        requireNonNull(master, "master is null");
        requireNonNull(environment, "environment is null");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.authenticate", "true");
        settings.put("spark.network.crypto.enabled", "true");
        if (SparkSessions.isLocal(master)) {
            return settings;
        }
        String secret = master.startsWith("local-cluster[") ? fresh() : cluster(master, environment);
        settings.put(SECRET, secret);
        // Spark looks the secret up in the user's Hadoop credentials before its configuration, and a local session
        // earlier in this JVM left its own there: without this, the driver would offer that one to the cluster.
        Credentials credentials = new Credentials();
        credentials.addSecretKey(org.apache.spark.SecurityManager$.MODULE$.SECRET_LOOKUP_KEY(),
                secret.getBytes(StandardCharsets.UTF_8));
        try {
            UserGroupInformation.getCurrentUser().addCredentials(credentials);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot hand Spark its secret: " + e.getClass().getSimpleName(), e);
        }
        return settings;
    }

    private static String fresh() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String cluster(String master, Map<String, String> environment) {
        Optional<String> submitted = Optional.ofNullable(System.getProperty(SECRET)).filter(s -> !s.isBlank());
        if (submitted.isPresent()) {
            return submitted.get();
        }
        String named = environment.get(FILE_VARIABLE);
        if (named == null || named.isBlank()) {
            throw new IllegalArgumentException("Cannot start Spark on " + master + ": the cluster's "
                    + "spark.authenticate.secret is not given; set " + FILE_VARIABLE + " to an owner-only file "
                    + "holding it (the same secret the master and workers have)");
        }
        return read(master, Path.of(named));
    }

    private static String read(String master, Path file) {
        String where = "Cannot start Spark on " + master + ": secret file " + file;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(where + " is not a regular file");
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.contains(PosixFilePermission.GROUP_READ)
                        || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new IllegalArgumentException(where + " is readable by group or others; chmod 600 it");
                }
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalArgumentException(where + " holds " + secret.length() + " characters, at least "
                        + MIN_LENGTH + " are required");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }
}
