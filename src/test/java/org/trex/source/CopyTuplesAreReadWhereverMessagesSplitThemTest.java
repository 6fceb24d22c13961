package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyOut;

/**
 * A binary COPY's tuples read the same however its bytes come in messages: one a row, as PostgreSQL sends them, or
 * cut anywhere, a tuple's fields then copied into one buffer; a buffer a tuple was given in is never written after;
 * and data that is not a binary COPY of the query is refused with what is wrong and what was read, never a value.
 */
class CopyTuplesAreReadWhereverMessagesSplitThemTest {
    static final LocalDate ADMITTED = LocalDate.of(2024, 6, 5);

    @Test
    void tuplesReadTheSameWhereverTheBytesAreCut() throws Exception {
        byte[] copy = copy(tuple("9990000018", 41L, ADMITTED, true), tuple(null, 42L, null, false),
                tuple("Ünïcode", -7L, LocalDate.of(1969, 12, 31), true));
        List<String> expected = List.of("9990000018|41|" + ADMITTED.toEpochDay() + "|true", "null|42|null|false",
                "Ünïcode|-7|-1|true");
        for (int cut = 1; cut <= copy.length; cut++) {
            assertThat(read(new TestingCopyOut(copy, cut))).as("messages of %d bytes", cut).isEqualTo(expected);
        }
    }

    @Test
    void aBufferATupleWasGivenInIsNeverWrittenAfter() throws Exception {
        byte[] copy = copy(tuple("9990000018", 41L, ADMITTED, true), tuple("9990000026", 42L, ADMITTED, false));
        CopyTuples tuples = CopyTuples.of(new TestingCopyOut(copy, 7), 4, "the test's rows");
        assertThat(tuples.next()).isTrue();
        byte[] first = tuples.buffer();
        byte[] before = first.clone();
        int offset = tuples.offset(0);
        assertThat(tuples.next()).isTrue();
        assertThat(first).isEqualTo(before);
        assertThat(new String(first, offset, 10, StandardCharsets.US_ASCII)).isEqualTo("9990000018");
    }

    @Test
    void dataThatIsNotABinaryCopyOfTheQueryIsRefused() {
        byte[] copy = copy(tuple("9990000018", 41L, ADMITTED, true));
        String refused = "Cannot read the test's rows from PostgreSQL: its COPY data is not as expected: ";
        byte[] text = "PGCOPY\nnot binary: a text COPY".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> read(new TestingCopyOut(text, 100)))
                .hasMessage(refused + "it does not start with the binary COPY signature");
        assertThatThrownBy(() -> read(CopyTuples.of(new TestingCopyOut(copy, 100), 3, "the test's rows")))
                .hasMessage(refused + "a row has 4 fields, the query 3 columns");
        assertThatThrownBy(() -> read(new TestingCopyOut(Arrays.copyOf(copy, copy.length - 8), 100)))
                .hasMessage(refused + "the data ended inside a row")
                .hasMessageNotContaining("9990000018");
        assertThatThrownBy(() -> read(new TestingCopyOut(Arrays.copyOf(copy, copy.length - 2), 100)))
                .hasMessage(refused + "the data ended before its trailer");
    }

    @Test
    void aFieldOfTheWrongWidthIsRefusedByPosition() throws Exception {
        CopyTuples tuples = CopyTuples.of(new TestingCopyOut(copy(tuple("9990000018", 41L, ADMITTED, true)), 100), 4,
                "the test's rows");
        assertThat(tuples.next()).isTrue();
        assertThatThrownBy(() -> tuples.int8(0))
                .hasMessage("Cannot read the test's rows from PostgreSQL: its COPY data is not as expected: field 1 "
                        + "has 10 bytes where 8 were expected");
    }

    @Test
    void closingStopsACopyStillRunning() throws Exception {
        TestingCopyOut copy = new TestingCopyOut(copy(tuple("9990000018", 41L, ADMITTED, true),
                tuple("9990000026", 42L, ADMITTED, true)), 40);
        CopyTuples tuples = CopyTuples.of(copy, 4, "the test's rows");
        assertThat(tuples.next()).isTrue();
        tuples.close();
        assertThat(copy.cancelled).isTrue();
        assertThat(tuples.next()).isFalse();
    }

    private static List<String> read(TestingCopyOut copy) throws SQLException {
        return read(CopyTuples.of(copy, 4, "the test's rows"));
    }

    private static List<String> read(CopyTuples tuples) throws SQLException {
        List<String> rows = new ArrayList<>();
        while (tuples.next()) {
            rows.add(tuples.text(0) + "|" + tuples.int8(1) + "|" + (tuples.isNull(2) ? "null" : tuples.epochDay(2))
                    + "|" + tuples.bool(3));
        }
        return rows;
    }

    /** A tuple as PostgreSQL's binary COPY sends it: text, int8, date, bool. */
    private static byte[] tuple(String text, long number, LocalDate date, boolean flag) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(4);
            if (text == null) {
                out.writeInt(-1);
            } else {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            out.writeInt(8);
            out.writeLong(number);
            if (date == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(4);
                out.writeInt((int) (date.toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay()));
            }
            out.writeInt(1);
            out.writeByte(flag ? 1 : 0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    /** The header, the tuples and the trailer. */
    private static byte[] copy(byte[]... tuples) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
            out.writeInt(0);
            out.writeInt(0);
            for (byte[] tuple : tuples) {
                out.write(tuple);
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    /** A COPY's bytes handed over in messages of a given size, each a new array. */
    static final class TestingCopyOut implements CopyOut {
        final Deque<byte[]> messages = new ArrayDeque<>();
        boolean cancelled;

        TestingCopyOut(byte[] data, int size) {
            for (int from = 0; from < data.length; from += size) {
                messages.add(Arrays.copyOfRange(data, from, Math.min(data.length, from + size)));
            }
        }

        @Override
        public byte[] readFromCopy() {
            return messages.poll();
        }

        @Override
        public byte[] readFromCopy(boolean block) {
            return readFromCopy();
        }

        @Override
        public int getFieldCount() {
            return 4;
        }

        @Override
        public int getFormat() {
            return 1;
        }

        @Override
        public int getFieldFormat(int field) {
            return 1;
        }

        @Override
        public boolean isActive() {
            return !messages.isEmpty() && !cancelled;
        }

        @Override
        public void cancelCopy() {
            cancelled = true;
            messages.clear();
        }

        @Override
        public long getHandledRowCount() {
            return 0;
        }
    }
}
