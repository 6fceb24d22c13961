package org.trex.governance;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.trex.spec.Applicability;

/** Releases of the discharge-delays extract as tests register them: a record-level and an aggregate output. */
final class TestingReleases {
    static final String EXTRACT = "discharge-delays";

    private TestingReleases() {
    }

    /** A release as of {@code asOf} whose two outputs both hold the people in {@code people}. */
    static Release of(String runId, LocalDate asOf, Path root, Path people) {
        return new Release(EXTRACT, runId, 1, "discharge-evaluation", "0123456789abcdef", root.resolve("project.key"),
                asOf, Applicability.APPLIES, 30, root.resolve("out"), List.of(
                        new ReleasedOutput("spells", ReleaseOutputKind.RECORDS, Optional.of("person"), 1,
                                List.of(people)),
                        new ReleasedOutput("delays_by_band", ReleaseOutputKind.AGGREGATE, Optional.empty(), 1,
                                List.of(people))));
    }
}
