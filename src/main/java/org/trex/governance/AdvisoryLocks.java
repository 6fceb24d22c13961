package org.trex.governance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * PostgreSQL session advisory locks as TREx takes them: each keyed by 64 bits of the SHA-256 of what it locks and why,
 * so a run's lock, a schedule's and the release ledger's never meet, and held until unlocked or the session ends.
 */
final class AdvisoryLocks {
    private AdvisoryLocks() {
    }

    /** The key for {@code names} locked for {@code purpose}: SHA-256 of the purpose and names, a line each. */
    static long key(String purpose, String... names) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((purpose + "\n" + String.join("\n", names)).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot take a lock for " + purpose + ": SHA-256 is not available", e);
        }
    }

    /** Takes the lock if no other session holds it; whether this session holds it now. */
    static boolean tryLock(DSLContext dsl, long key) {
        return dsl.select(DSL.function("pg_try_advisory_lock", SQLDataType.BOOLEAN, DSL.val(key))).fetchSingle()
                .value1();
    }

    /** Takes the lock, waiting for as long as another session holds it. */
    static void lock(DSLContext dsl, long key) {
        dsl.select(DSL.function("pg_advisory_lock", SQLDataType.OTHER, DSL.val(key))).fetch();
    }

    static void unlock(DSLContext dsl, long key) {
        dsl.select(DSL.function("pg_advisory_unlock", SQLDataType.BOOLEAN, DSL.val(key))).fetch();
    }
}
