package org.trex.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one bench measures on: its loaded data (in words and figures), the spec it runs, and the as-of date. */
public record Workload(String description, Map<String, Object> figures, Path spec, LocalDate asOf) {
    public Workload {
        requireNonNull(description, "description is null");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(figures, "figures is null")));
        requireNonNull(spec, "spec is null");
        requireNonNull(asOf, "asOf is null");
    }
}
