package org.trex.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet file of several row groups, as a large extract's is, read row by row in the file's order: with every
 * column, and with a projection of one, whose other columns are not there to read; a blank person stays blank.
 */
class ParquetRowsAreReadInTheFilesOrderTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message spells { optional binary person (STRING); required int64 spell; }");
    private static final int ROWS = 5_000;

    @TempDir
    Path folder;

    @Test
    void everyRowInOrderAcrossRowGroups() throws IOException {
        Path file = written();
        List<String> read = new ArrayList<>();

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertThat(reader.getRowGroups()).as("row groups").hasSizeGreaterThan(1);
            ParquetRows.forEach(reader, SCHEMA, row -> read.add(person(row, 0) + "/" + row.getLong(1, 0)));
        }

        assertThat(read).hasSize(ROWS);
        assertThat(read.subList(0, 4)).containsExactly("blank/0", "p1/1", "p2/2", "p3/3");
        assertThat(read.get(ROWS - 1)).isEqualTo("p4999/4999");
    }

    @Test
    void aProjectionReadsOnlyTheColumnsItNames() throws IOException {
        Path file = written();
        MessageType person = new MessageType(SCHEMA.getName(), SCHEMA.getType("person"));
        List<String> read = new ArrayList<>();

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            ParquetRows.forEach(reader, person, row -> {
                assertThat(row.getType().getFieldCount()).isEqualTo(1);
                read.add(person(row, 0));
            });
        }

        assertThat(read).hasSize(ROWS).startsWith("blank", "p1").endsWith("p4999");
    }

    /** Rows of spell 0 to 4,999, the first with no person, in row groups of a few hundred rows each. */
    private Path written() throws IOException {
        Path file = folder.resolve("spells.parquet");
        SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
                .withRowGroupSize(8_192L).withPageSize(1_024).build()) {
            for (int i = 0; i < ROWS; i++) {
                Group row = rows.newGroup();
                if (i > 0) {
                    row.add("person", "p" + i);
                }
                writer.write(row.append("spell", (long) i));
            }
        }
        return file;
    }

    private static String person(Group row, int field) {
        return row.getFieldRepetitionCount(field) == 0 ? "blank" : row.getString(field, 0);
    }
}
