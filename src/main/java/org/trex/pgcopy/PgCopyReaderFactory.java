package org.trex.pgcopy;

import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** What an executor needs to read a partition; it carries the URL, so its toString leaves that out. */
record PgCopyReaderFactory(PgCopyOptions options, List<PgColumn> columns, String partitionColumn)
        implements PartitionReaderFactory {
    PgCopyReaderFactory {
        columns = List.copyOf(columns);
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new PgCopyReader(options, columns, partitionColumn, (PgCopyPartition) partition);
    }

    @Override
    public String toString() {
        return "PgCopyReaderFactory[" + options + "]";
    }
}
