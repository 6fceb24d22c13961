package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** One count column of an aggregate output, optionally of rows where a flag field is true. */
public record MeasureSpec(String name, CountOf countOf, Optional<String> where) {
    public MeasureSpec {
        Names.requireIdentifier(name, "measure name");
        requireNonNull(countOf, "countOf is null");
        requireNonNull(where, "where is null");
    }
}
