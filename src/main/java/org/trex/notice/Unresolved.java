package org.trex.notice;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Releases of a project that could not be checked for objectors, because their key is not available here. */
public record Unresolved(String project, String keyId, List<String> runs, String why) {
    public Unresolved {
        requireNonNull(project, "project is null");
        requireNonNull(keyId, "keyId is null");
        runs = List.copyOf(requireNonNull(runs, "runs is null"));
        requireNonNull(why, "why is null");
    }
}
