package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The SQL that fetches the exclusions for a run, rendered by jOOQ: each opt-out that applies with its
 * query (as-of date as {@code :as_of} in the template, inlined in the query that runs).
 */
public record ExclusionQueries(List<ExclusionQuery> queries, Optional<ExclusionQuery> nationalListDate, int nationalListMaxAgeDays) {
    public ExclusionQueries {
        queries = List.copyOf(requireNonNull(queries, "queries is null"));
        requireNonNull(nationalListDate, "nationalListDate is null");
    }

    /** One query returning the normalised NHS numbers excluded for a reason. */
    public record ExclusionQuery(ExclusionReason reason, String sqlTemplate, String sql) {
        public ExclusionQuery {
            requireNonNull(reason, "reason is null");
            requireNonNull(sqlTemplate, "sqlTemplate is null");
            requireNonNull(sql, "sql is null");
        }
    }

    /** The reasons that apply under the policy, in check order. */
    public List<ExclusionReason> reasons() {
        return queries.stream().map(ExclusionQuery::reason).toList();
    }
}
