package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trex.source.jooq.social_care.Tables.EVENT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A file that is empty, binary, UTF-16, separated by another delimiter or lacking the layout's columns is refused with
 * its name and what was expected, before anything is written: the period's earlier rows stay.
 */
class FileNotWhatItClaimsIsRefusedTest {
    private static DatabaseUrl url;

    @TempDir
    static Path dir;

    @BeforeAll
    static void loadAPeriod() {
        url = TestDatabase.fresh();
        Loads.load(url, SourceKind.SOCIAL_CARE, CldFile.socialCare().row("P1", "E1").write(dir.resolve("good.csv")));
    }

    static Stream<Arguments> files() throws Exception {
        Path header = CldFile.socialCare().row("P1", "E2").write(dir.resolve("valid.csv"));
        String valid = Files.readString(header);
        return Stream.of(
                Arguments.of("empty.csv", new byte[0], "it is empty, expected a CSV file whose first line names the"
                        + " social-care columns"),
                Arguments.of("bom-only.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'},
                        "it is empty"),
                Arguments.of("extract.parquet", new byte[] {'P', 'A', 'R', '1', 0, 0, 1, 2},
                        "it is binary (a zero byte "
                        + "at offset 4), expected a UTF-8 CSV text file"),
                Arguments.of("unicode-text.csv", unicodeText(valid), "it is UTF-16 text (its first bytes are a UTF-16"
                        + " byte order mark), expected UTF-8; save it as CSV UTF-8"),
                Arguments.of("semicolons.csv", valid.replace(',', ';').getBytes(StandardCharsets.UTF_8),
                        "its header is separated by ';', expected commas"),
                Arguments.of("tabs.tsv", valid.replace(',', '\t').getBytes(StandardCharsets.UTF_8),
                        "its header is separated by tabs, expected commas"),
                Arguments.of("spells.csv",
                        Files.readAllBytes(CldFile.hospital().row("", "S1").write(dir.resolve("s.csv"))),
                        "it is not a social-care file: it lacks the required columns [LA_Code,"),
                Arguments.of("latin1.csv", (valid + "E08000026,2024-04-01,2025-03-31,P9,,1940-01-01,,Female,\u00e9")
                        .getBytes(StandardCharsets.ISO_8859_1),
                        ") holds bytes that are not UTF-8 (saved as Windows-1252?"),
                Arguments.of("cut-in-a-quote.csv", (valid + "E08000026,\"2024-04-01").getBytes(StandardCharsets.UTF_8),
                        "it ends inside a quoted value, in the row that starts on line 3 (a truncated file, or a quote"
                        + " never closed), expected UTF-8 CSV with RFC 4180 quoting"),
                Arguments.of("stray-quote.csv", (valid + "E08000026,\"2024-04-01\"X,2025-03-31,P9\n")
                        .getBytes(StandardCharsets.UTF_8), "the row that starts on line 3 has a character after a"
                        + " value's closing quote (a quote inside a value is written twice)"));
    }

    /** As Excel saves "Unicode text": a little-endian UTF-16 byte order mark, then UTF-16LE. */
    private static byte[] unicodeText(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return bytes;
    }

    @Test
    void aFolderIsRefusedAsOne() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder.csv"));

        assertThatThrownBy(() -> Loads.load(url, SourceKind.SOCIAL_CARE, folder))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessage("Cannot load " + folder + ": it is a folder, expected a CSV file");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void refusedWithNothingWritten(String name, byte[] content, String why) throws Exception {
        Path file = Files.write(dir.resolve(name), content);

        assertThatThrownBy(() -> Loads.load(url, SourceKind.SOCIAL_CARE, file))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessageStartingWith("Cannot load " + file)
                .hasMessageContaining(why);
        try (Connection connection = url.connect()) {
            assertThat(DSL.using(connection, SQLDialect.POSTGRES).select(EVENT.EVENT_REFERENCE).from(EVENT)
                    .fetch(EVENT.EVENT_REFERENCE)).containsExactly("E1");
        }
    }
}
