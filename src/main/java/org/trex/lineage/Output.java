package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One output of an extract: the source it reads one row for one (its dataset's table, by the name its {@link Source}
 * has: whose rows read are its rows in), its columns, the files that hold it, the reconciliation of its rows, the
 * digest of its content (over sorted rows, so the same whatever the file format), where each column came from, and the
 * disclosure measures when the output was checked.
 */
public record Output(
        String name,
        OutputKind kind,
        String mainSource,
        List<Field> columns,
        List<OutputFile> files,
        Reconciliation reconciliation,
        String contentSha256,
        List<ColumnLineage> columnLineage,
        Optional<DisclosureMeasures> disclosure) {
    public Output {
        LineageChecks.requireText(name, "name");
        requireNonNull(kind, "kind is null");
        LineageChecks.requireText(mainSource, "mainSource");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(reconciliation, "reconciliation is null");
        LineageChecks.requireSha256(contentSha256, "contentSha256");
        columnLineage = List.copyOf(requireNonNull(columnLineage, "columnLineage is null"));
        requireNonNull(disclosure, "disclosure is null");
        // An aggregate's files hold groups, not the records its reconciliation counts.
        for (OutputFile file : files) {
            if (file.rows() != files.get(0).rows()) {
                throw new IllegalArgumentException("Cannot describe lineage: output " + name + " file " + file.path()
                        + " has " + file.rows() + " rows, file " + files.get(0).path() + " has " + files.get(0).rows());
            }
            if (kind == OutputKind.RECORDS && file.rows() != reconciliation.rowsOut()) {
                throw new IllegalArgumentException("Cannot describe lineage: output " + name + " file " + file.path()
                        + " has " + file.rows() + " rows, the reconciliation says " + reconciliation.rowsOut());
            }
        }
    }

    /**
     * The rows in its files (each holds them all, in its own format): a record output's rows out, an aggregate's
     * groups.
     */
    public long rowsWritten() {
        return files.isEmpty() ? 0 : files.get(0).rows();
    }

    /** Bytes in all of this output's files. */
    public long bytes() {
        return files.stream().mapToLong(OutputFile::bytes).sum();
    }
}
