package org.trex.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Why the next release of an extract needs a differencing review: a deletion notice named aggregate outputs of an
 * earlier release that counted someone who has since objected. Aggregates cannot be recalled, so comparing them with
 * the next release's (which leaves the person out) could single the person out.
 *
 * @param noticeId the notice, such as DN-000001
 * @param aggregateOutputs the aggregate outputs it named
 * @param runId the run that released them
 */
public record DifferencingReview(String noticeId, List<String> aggregateOutputs, String runId) {
    public DifferencingReview {
        requireNonNull(noticeId, "noticeId is null");
        aggregateOutputs = List.copyOf(requireNonNull(aggregateOutputs, "aggregateOutputs is null"));
        if (aggregateOutputs.isEmpty()) {
            throw new IllegalArgumentException("Cannot ask for a differencing review of notice " + noticeId
                    + ": it names no aggregate output");
        }
        requireNonNull(runId, "runId is null");
    }

    /** The review in one line, as the plan shows it. */
    public String describe() {
        return "needs a differencing review: notice " + noticeId + " named aggregate outputs "
                + String.join(", ", aggregateOutputs) + " released in run " + runId;
    }
}
