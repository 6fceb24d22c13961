package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/**
 * CSV follows RFC 4180 (quoted only when needed, quotes doubled, an empty string apart from a missing value) and
 * writes every type an output can hold in its plain form; a type with no CSV form is refused by column name.
 */
class CsvFormatFollowsRfc4180Test {
    private static final StructType SCHEMA = new StructType()
            .add("text", DataTypes.StringType)
            .add("count", DataTypes.IntegerType)
            .add("total", DataTypes.LongType)
            .add("day", DataTypes.DateType)
            .add("flag", DataTypes.BooleanType)
            .add("amount", DataTypes.createDecimalType(10, 2))
            .add("rate", DataTypes.DoubleType);

    @TempDir
    Path folder;

    @Test
    void valuesAreWrittenInTheirPlainFormAndQuotedOnlyWhenNeeded() throws Exception {
        List<Row> rows = List.of(
                RowFactory.create("plain", 42, -9_000_000_000L, java.sql.Date.valueOf(LocalDate.of(2024, 3, 9)), true,
                        new BigDecimal("12.50"), 0.25),
                RowFactory.create("a,b", Integer.MIN_VALUE, Long.MIN_VALUE,
                        java.sql.Date.valueOf(LocalDate.of(1999, 12, 31)), false, new BigDecimal("-0.01"), -1.5e-7),
                RowFactory.create("say \"hi\"", 0, 0L, null, null, null, null),
                RowFactory.create("two\nlines", 7, 12345678901L, null, null, null, null),
                RowFactory.create("", null, null, null, null, null, null),
                RowFactory.create(null, null, null, null, null, null, null),
                RowFactory.create(" spaced ", null, null, null, null, null, null),
                RowFactory.create("caf\u00e9 \u2013 \u00a3", null, null, null, null, null, null));
        Dataset<Row> data = TestSpark.session().createDataFrame(rows, SCHEMA).coalesce(1);

        List<StagedParts.Part> parts = StagedParts.write(TestSpark.session(), data,
                Files.createDirectory(folder.resolve("p")), Files.createDirectory(folder.resolve("c")), "zstd",
                List.of(), List.of(), Optional.empty()).parts();

        assertThat(parts).hasSize(1);
        assertThat(Files.readString(parts.get(0).csv(), StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                "plain,42,-9000000000,2024-03-09,true,12.50,0.25",
                "\"a,b\",-2147483648,-9223372036854775808,1999-12-31,false,-0.01,-1.5E-7",
                "\"say \"\"hi\"\"\",0,0,,,,",
                "\"two\nlines\",7,12345678901,,,,",
                "\"\",,,,,,",
                ",,,,,,",
                " spaced ,,,,,,",
                "caf\u00e9 \u2013 \u00a3,,,,,,",
                ""));
        assertThat(new String(new CsvFormat(SCHEMA).header(), StandardCharsets.UTF_8))
                .isEqualTo("text,count,total,day,flag,amount,rate\n");
    }

    @Test
    void aTypeWithNoCsvFormIsRefusedByName() {
        StructType schema = new StructType().add("seen", DataTypes.TimestampType);

        assertThatThrownBy(() -> new CsvFormat(schema))
                .hasMessage("Cannot write column seen as CSV: type timestamp has no CSV form here");
    }
}
