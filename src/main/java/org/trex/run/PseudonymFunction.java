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
 * made per row (a UDF would make two; see {@link JavaCalls}). One {@link Pseudonymiser}, so one Mac, per thread. The key travels
 * inside, as it must to reach the tasks; every printed form shows only its ID.
 */
public final class PseudonymFunction implements Serializable {
    private static final long serialVersionUID = 1L;

    private final IdentifierKind kind;
    private final PseudonymKey key;
    private transient ThreadLocal<Pseudonymiser> pseudonymisers;

    public PseudonymFunction(IdentifierKind kind, PseudonymKey key) {
        this.kind = requireNonNull(kind, "kind is null");
        this.key = requireNonNull(key, "key is null");
    }

    /** The pseudonyms of a column of identifiers of this kind; NHS numbers are normalised first. */
    public Column apply(Column value) {
        requireNonNull(value, "value is null");
        return JavaCalls.call(this, "pseudonym", DataTypes.StringType, JavaCalls.Nulls.PROPAGATE, JavaCalls.Effects.NONE,
                value.cast(DataTypes.StringType));
    }

    /** Called by Spark's generated code for each non-null value; null when a number is blank once normalised. */
    public UTF8String pseudonym(UTF8String value) {
        byte[] bytes = value.getBytes();
        if (kind == IdentifierKind.NHS_NUMBER && needsNormalising(bytes)) {
            String normalised = NhsNumber.normalise(value.toString());
            if (normalised == null) {
                return null;
            }
            bytes = normalised.getBytes(StandardCharsets.UTF_8);
        }
        return UTF8String.fromBytes(pseudonymiser().pseudonymHex(kind, bytes, 0, bytes.length));
    }

    private static boolean needsNormalising(byte[] bytes) {
        for (byte b : bytes) {
            if (b == ' ' || b == '-') {
                return true;
            }
        }
        return bytes.length == 0;
    }

    private Pseudonymiser pseudonymiser() {
        // Each task gets its own copy of this object, but a copy may still be shared by threads: one Mac each.
        ThreadLocal<Pseudonymiser> local = pseudonymisers;
        if (local == null) {
            local = ThreadLocal.withInitial(() -> new Pseudonymiser(key));
            pseudonymisers = local;
        }
        return local.get();
    }

    @Override
    public String toString() {
        return "trex_pseudonym(" + kind.label() + ", " + key + ")";
    }
}
