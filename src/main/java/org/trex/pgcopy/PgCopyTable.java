package org.trex.pgcopy;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** A PostgreSQL query read in id ranges; also its own scan builder, scan and batch, as it pushes nothing down. */
final class PgCopyTable implements SupportsRead, ScanBuilder, Scan, Batch {
    private final PgCopyOptions options;
    private final List<PgColumn> columns;
    private final String partitionColumn;

    PgCopyTable(PgCopyOptions options, List<PgColumn> columns) {
        this.options = options;
        this.columns = List.copyOf(columns);
        this.partitionColumn = PgCopySource.partitionColumn(options, columns).name();
    }

    @Override
    public String name() {
        return "trex-pgcopy query by " + partitionColumn + " in " + options.partitions().size() + " partitions";
    }

    @Override
    public Column[] columns() {
        return columns.stream().map(c -> Column.create(c.name(), c.sparkType(), true)).toArray(Column[]::new);
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return readSchema();
    }

    @Override
    public Set<TableCapability> capabilities() {
        return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
        return this;
    }

    @Override
    public Scan build() {
        return this;
    }

    @Override
    public StructType readSchema() {
        return PgCopySource.schema(columns);
    }

    @Override
    public String description() {
        return "PostgreSQL binary COPY by " + partitionColumn + " in " + options.partitions().size() + " partitions"
                + (options.snapshot() != null ? " of one snapshot" : "");
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        return options.partitions().toArray(InputPartition[]::new);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new PgCopyReaderFactory(options, columns, partitionColumn);
    }

    @Override
    public String toString() {
        return name();
    }
}
