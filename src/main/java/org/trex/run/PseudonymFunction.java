package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.trex.nhs.NhsNumber;
import org.trex.pseudonym.IdentifierKind;
import org.trex.pseudonym.PseudonymKey;
import org.trex.pseudonym.Pseudonymiser;

/**
 * Keyed pseudonyms of one identifier kind as a Spark column. Spark's generated code calls
 * {@link #pseudonym(UTF8String)} with the value's bytes and keeps the hex it returns, so no Java String is
 * made per row (a UDF would make two; see {@link JavaCalls}). One {@link Pseudonymiser}, so one Mac, per thread. The
 * key travels inside, as it must to reach the tasks; every printed form shows only its ID.
 */
public final class PseudonymFunction implements Serializable {
    private static final long serialVersionUID = 1L;

    private final IdentifierKind kind;
    private final PseudonymKey key;
    private transient Owned owned;
    private transient ThreadLocal<Pseudonymiser> pseudonymisers;

    public PseudonymFunction(IdentifierKind kind, PseudonymKey key) {
        this.kind = requireNonNull(kind, "kind is null");
        this.key = requireNonNull(key, "key is null");
    }

    /** The pseudonyms of a column of identifiers of this kind; NHS numbers are normalised first. */
    public Column apply(Column value) {
        requireNonNull(value, "value is null");
        return JavaCalls.call(this, "pseudonym", DataTypes.StringType, JavaCalls.Nulls.PROPAGATE,
                JavaCalls.Effects.NONE,
                value.cast(DataTypes.StringType));
    }

    /** Called by Spark's generated code for each non-null value; null when a number is blank once normalised. */
    public UTF8String pseudonym(UTF8String value) {
        Utf8Slice bytes = Utf8Slice.of(value);
        if (kind == IdentifierKind.NHS_NUMBER && needsNormalising(bytes)) {
            String normalised = NhsNumber.normalise(value.toString());
            if (normalised == null) {
                return null;
            }
            byte[] digits = normalised.getBytes(StandardCharsets.UTF_8);
            bytes = new Utf8Slice(digits, 0, digits.length);
        }
        return UTF8String.fromBytes(pseudonymiser().pseudonymHex(kind, bytes.array(), bytes.offset(), bytes.length()));
    }

    private static boolean needsNormalising(Utf8Slice bytes) {
        for (int i = bytes.offset(); i < bytes.offset() + bytes.length(); i++) {
            byte b = bytes.array()[i];
            if (b == ' ' || b == '-') {
                return true;
            }
        }
        return bytes.length() == 0;
    }

    private Pseudonymiser pseudonymiser() {
        // Each task gets its own copy of this object, used by one thread, which claims it; should a copy still be
        // shared, the other threads get one Mac each from the thread-local.
        Thread current = Thread.currentThread();
        Owned claimed = owned;
        if (claimed == null) {
            claimed = new Owned(current, new Pseudonymiser(key));
            owned = claimed;
        }
        if (claimed.thread() == current) {
            return claimed.pseudonymiser();
        }
        ThreadLocal<Pseudonymiser> local = pseudonymisers;
        if (local == null) {
            local = ThreadLocal.withInitial(() -> new Pseudonymiser(key));
            pseudonymisers = local;
        }
        return local.get();
    }

    /** The claiming thread and its pseudonymiser, published together (final fields) so no other thread sees a mix. */
    private record Owned(Thread thread, Pseudonymiser pseudonymiser) {
    }

    @Override
    public String toString() {
        return "trex_pseudonym(" + kind.label() + ", " + key + ")";
    }
}
