package org.trex.sshsig;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The SSH wire encoding (RFC 4251 section 5) of the few fields an SSHSIG envelope has: fixed bytes, uint32 and
 * length-prefixed strings. Bouncy Castle's own SSH buffer classes are not public, so these two small helpers
 * stand in for them; the tests check them byte for byte against signatures made by ssh-keygen.
 */
final class SshWire {
    private SshWire() {
    }

    /** Writes fields in order. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Writer uint32(int value) {
            return raw(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
        }

        Writer string(byte[] bytes) {
            return uint32(bytes.length).raw(bytes);
        }

        Writer string(String text) {
            return string(text.getBytes(StandardCharsets.UTF_8));
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** Reads fields in order; {@code what} names the structure in messages. */
    static final class Reader {
        private final ByteBuffer in;
        private final String what;

        Reader(byte[] bytes, String what) {
            this.in = ByteBuffer.wrap(bytes);
            this.what = what;
        }

        byte[] raw(int length) {
            try {
                byte[] bytes = new byte[length];
                in.get(bytes);
                return bytes;
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        int uint32() {
            try {
                return in.getInt();
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        byte[] string() {
            int length = uint32();
            if (length < 0 || length > in.remaining()) {
                throw truncated();
            }
            return raw(length);
        }

        String text() {
            return new String(string(), StandardCharsets.UTF_8);
        }

        void requireEnd() {
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("Cannot read " + what + ": it has " + in.remaining()
                        + " bytes after its last field");
            }
        }

        private IllegalArgumentException truncated() {
            return new IllegalArgumentException("Cannot read " + what + ": it ends inside a field (truncated or not "
                    + what + ")");
        }
    }
}
