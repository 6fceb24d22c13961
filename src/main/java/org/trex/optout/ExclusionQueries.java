package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The SQL that fetches the local objections and Type 1 opt-outs for a run, rendered by jOOQ (as-of date as
 * {@code :as_of} in the template, inlined in the query that runs). The national data opt-out is not here: the
 * allow list is joined inside each output's own SELECT ({@link AllowListQueries#join}) and never fetched.
 */
public record ExclusionQueries(List<ExclusionQuery> queries) {
    public ExclusionQueries {
        queries = List.copyOf(requireNonNull(queries, "queries is null"));
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
