package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A file saved as Windows-1252 (Excel's "CSV") is refused at the line and byte offset of its first byte that is not
 * UTF-8, wherever that lies: in the rows the decoder reads ahead with the header, or far down the file. The byte
 * itself, a letter of someone's name or note, is not shown. Nothing is written.
 */
class Windows1252FileIsRefusedAtItsLineTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void aByteInAnEarlyRowIsNamedByItsLine() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = windows1252("early.csv", 3, 5);

        assertThatThrownBy(() -> Loads.load(url, SourceKind.SOCIAL_CARE, file))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessage("Cannot load " + file + ": line 4 (byte offset " + offsetOfPound(file) + ") holds bytes"
                        + " that are not UTF-8 (saved as Windows-1252? save it as UTF-8), expected UTF-8 CSV with"
                        + " RFC 4180 quoting");
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isZero();
    }

    @Test
    void aByteFarDownTheFileIsNamedByItsLine() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = windows1252("far.csv", 2_000, 2_001);

        assertThatThrownBy(() -> Loads.load(url, SourceKind.SOCIAL_CARE, file))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessage("Cannot load " + file + ": line 2001 (byte offset " + offsetOfPound(file) + ") holds"
                        + " bytes that are not UTF-8 (saved as Windows-1252? save it as UTF-8), expected UTF-8 CSV with"
                        + " RFC 4180 quoting");
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isZero();
    }

    /** {@code rows} valid rows, the one at {@code pound} (1-based) with a review reason of "£5 café", CRLF. */
    private Path windows1252(String name, int pound, int rows) throws Exception {
        CldFile cld = CldFile.socialCare();
        for (int i = 1; i <= rows; i++) {
            cld.row("P" + i, "E" + i, i == pound ? Map.of("Review_Reason", "\u00a35 caf\u00e9")
                    : Map.of());
        }
        Path utf8 = cld.write(dir.resolve("utf8-" + name));
        return Files.write(dir.resolve(name), Files.readString(utf8).getBytes(WINDOWS_1252));
    }

    private static long offsetOfPound(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == (byte) 0xA3) {
                return i;
            }
        }
        throw new IllegalStateException("no pound sign in " + file);
    }
}
