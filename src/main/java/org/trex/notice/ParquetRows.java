package org.trex.notice;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.function.Consumer;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** A Parquet file's rows one at a time, in the file's order, by parquet-hadoop's reader of example groups: no Spark. */
public final class ParquetRows {
    private ParquetRows() {
    }

    /**
     * Gives each row of {@code reader}'s file to {@code row}, with the columns of {@code schema}: the file's own, or
     * a projection of it that reads only the pages of the columns it names.
     */
    public static void forEach(ParquetFileReader reader, MessageType schema, Consumer<Group> row) throws IOException {
        requireNonNull(reader, "reader is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(row, "row is null");
        reader.setRequestedSchema(schema);
        PageReadStore pages;
        while ((pages = reader.readNextRowGroup()) != null) {
            RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                    .getRecordReader(pages, new GroupRecordConverter(schema));
            for (long i = 0; i < pages.getRowCount(); i++) {
                row.accept(records.read());
            }
        }
    }
}
