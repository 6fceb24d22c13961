package org.trex.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.trex.source.DatabaseUrl;

/** Runs loads in tests the way {@code trex load} does. */
final class Loads {
    private Loads() {
    }

    static LoadOutcome load(DatabaseUrl url, SourceKind kind, Path... files) {
        return SourceLoader.load(url, new LoadRequest(kind, List.of(files), Optional.empty(), Optional.empty(),
                Optional.empty(), LoadMode.LOAD), report -> { });
    }

    static LoadOutcome loadMapped(DatabaseUrl url, SourceKind kind, Path mapping, Path... files) {
        return SourceLoader.load(url, new LoadRequest(kind, List.of(files), Optional.of(mapping), Optional.empty(),
                Optional.empty(), LoadMode.LOAD), report -> { });
    }
}
