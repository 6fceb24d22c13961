package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;

/**
 * {@code trex objections ack --copy} reads a copy's CSV as CSV, not line by line: a copy its tools saved again with
 * every field quoted and a line break inside a field is checked record by record, so a row still held is named at the
 * line it starts on, and, cleaned, the copy is acknowledged with its rows counted as records.
 */
class AckReadsACopysCsvByItsRecordsTest {
    @Test
    void aCopySavedAgainWithALineBreakInAFieldIsCheckedRecordByRecord(@TempDir Path root) throws Exception {
        ReleaseWithANotice release = ReleaseWithANotice.create(root);
        Path held = release.copy("saved-again");
        int objectorLine = saveAgainWithALineBreak(held.resolve("data/spells.csv"), release.pseudonym());

        Result refused = release.ack(held.toString());

        assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(refused.err()).contains("/tre/saved-again still holds 1 row of spells whose person the notice names"
                + " (data/spells.csv line " + objectorLine + ")").doesNotContain(release.pseudonym());
        release.assertStillOpen();

        Path cleaned = release.copy("saved-again-cleaned");
        Path csv = cleaned.resolve("data/spells.csv");
        DemoCopy.deleteFromCsv(csv, "person", Set.of(release.pseudonym()));
        DemoCopy.deleteFromParquet(cleaned.resolve("data/spells.parquet"), "person", Set.of(release.pseudonym()));
        saveAgainWithALineBreak(csv, release.pseudonym());
        long left = Files.readAllLines(release.extract().resolve("data/spells.csv")).size() - 2;
        assertThat(Files.readAllLines(csv)).hasSize(1 + 2 * (int) left);

        Result ack = release.ack(cleaned.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.OK);
        assertThat(ack.out()).contains("CHECKED " + cleaned + ": data/spells.csv " + left + " rows,"
                + " data/spells.parquet " + left + " rows; no row of anyone DN-000001 names\n");
    }

    /**
     * Writes the CSV again with every field quoted and a line break inside the sex code of every row but the
     * objector's, as a spreadsheet keeps a cell's line break; returns the line the objector's row now starts on (-1
     * when it holds none), which is after the line of its record number once any row before it was broken.
     */
    private static int saveAgainWithALineBreak(Path file, String objector) throws Exception {
        List<CSVRecord> records;
        List<String> header;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        int person = header.indexOf("person");
        int sex = header.indexOf("sex");
        int line = 2;
        int objectorLine = -1;
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator('\n')
                        .get().print(writer)) {
            printer.printRecord(header);
            for (int i = 0; i < records.size(); i++) {
                List<String> values = new ArrayList<>(records.get(i).toList());
                if (values.get(person).equals(objector)) {
                    objectorLine = line;
                    assertThat(line).as("a broken row before the objector's").isGreaterThan(i + 2);
                    line++;
                } else {
                    values.set(sex, values.get(sex) + "\n(as recorded)");
                    line += 2;
                }
                printer.printRecord(values);
            }
        }
        return objectorLine;
    }
}
