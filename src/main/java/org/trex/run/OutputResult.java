package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.trex.plan.OutputPlan;

/**
 * What a run did for one output: rows read from the source, left out by reason, used, and written;
 * the disclosure outcome; the files, their schema and the content digest over the sorted rows.
 * For record outputs rows written equal rows used; for aggregates rows written are the groups. {@code people}
 * are the files of the people the output holds (record level) or counted (aggregates), one line per person:
 * pseudonym TAB rows; they live in a hidden folder of the data directory until the release register has them.
 */
public record OutputResult(
        OutputPlan plan,
        long rowsRead,
        List<ExclusionCount> excluded,
        long rowsUsed,
        long rowsWritten,
        DisclosureOutcome disclosure,
        List<ColumnType> schema,
        List<WrittenFile> files,
        String contentSha256,
        List<Path> people) {

    public OutputResult {
        requireNonNull(plan, "plan is null");
        excluded = List.copyOf(requireNonNull(excluded, "excluded is null"));
        requireNonNull(disclosure, "disclosure is null");
        schema = List.copyOf(requireNonNull(schema, "schema is null"));
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(contentSha256, "contentSha256 is null");
        people = List.copyOf(requireNonNull(people, "people is null"));
        long left = excluded.stream().mapToLong(ExclusionCount::rows).sum();
        if (rowsRead - left != rowsUsed) {
            throw new IllegalStateException("Cannot reconcile output " + plan.name() + ": read " + rowsRead
                    + " - left out " + left + " != used " + rowsUsed);
        }
    }

    /** This result holding {@code held}, the files of the people of the same rows another output counted. */
    OutputResult holding(List<Path> held) {
        return new OutputResult(plan, rowsRead, excluded, rowsUsed, rowsWritten, disclosure, schema, files,
                contentSha256, held);
    }

    /** Rows left out for every reason together. */
    public long rowsLeftOut() {
        return excluded.stream().mapToLong(ExclusionCount::rows).sum();
    }

    /** A column of the written table and its Spark SQL type. */
    public record ColumnType(String name, String type) {
        public ColumnType {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }
}
