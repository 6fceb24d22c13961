package org.trex.run;

import static java.util.Objects.requireNonNull;

import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A Spark string's UTF-8 bytes as a slice of an array: not copied when Spark holds them in one, as it almost always
 * does.
 */
record Utf8Slice(byte[] array, int offset, int length) {
    Utf8Slice {
        requireNonNull(array, "array is null");
    }

    static Utf8Slice of(UTF8String value) {
        if (value.getBaseObject() instanceof byte[] array) {
            return new Utf8Slice(array, (int) (value.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET), value.numBytes());
        }
        byte[] copy = value.getBytes();
        return new Utf8Slice(copy, 0, copy.length);
    }
}
