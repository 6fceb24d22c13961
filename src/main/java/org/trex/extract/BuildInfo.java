package org.trex.extract;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version and git commit, written into the jar at build time; recorded in every lineage. */
public record BuildInfo(String version, String commit) {
    public BuildInfo {
        requireNonNull(version, "version is null");
        requireNonNull(commit, "commit is null");
    }

    /** The build this code came from; "unknown" parts when run outside a packaged build. */
    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/trex-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to unknown: a missing build stamp must not stop a run
        }
        String commit = clean(properties.getProperty("commit"));
        return new BuildInfo(
                clean(properties.getProperty("version")),
                "true".equals(properties.getProperty("dirty")) ? commit + "-dirty" : commit);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
