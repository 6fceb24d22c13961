package org.trex.governance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * PostgreSQL session advisory locks as TREx takes them: each keyed by 64 bits of the SHA-256 of what it locks and why,
 * so a run's lock, a schedule's and the release ledger's never meet, and held until unlocked or the session ends.
 */
final class AdvisoryLocks {
    /** PostgreSQL's SQLSTATE for a lock not taken within {@code lock_timeout}. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Table<?> PG_LOCKS = DSL.table(DSL.name("pg_catalog", "pg_locks"));
    /** A granted advisory lock on a bigint key, in {@code pg_locks} as the alias given. */
    private static final String GRANTED = "%1$s.locktype = 'advisory' AND %1$s.granted AND %1$s.objsubid = 1";

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

    /**
     * Takes the lock, waiting at most {@code most} (at least a millisecond) for another session to let go of it;
     * whether this session holds it now. PostgreSQL's {@code lock_timeout}, set for the wait alone, ends it.
     */
    static boolean lock(DSLContext dsl, long key, Duration most) {
        long millis = Math.max(1, Math.min(most.toMillis(), Integer.MAX_VALUE));
        dsl.select(DSL.function("set_config", SQLDataType.VARCHAR, DSL.val("lock_timeout"),
                DSL.val(millis + "ms"), DSL.val(false))).fetch();
        try {
            lock(dsl, key);
            return true;
        } catch (DataAccessException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.sqlState())) {
                return false;
            }
            throw e;
        } finally {
            dsl.select(DSL.function("set_config", SQLDataType.VARCHAR, DSL.val("lock_timeout"), DSL.val("0"),
                    DSL.val(false))).fetch();
        }
    }

    /** Whether this session holds the lock. */
    static boolean heldHere(DSLContext dsl, long key) {
        return dsl.fetchExists(DSL.selectOne().from(PG_LOCKS.as("mine")).where(granted("mine", key))
                .and("mine.pid = pg_backend_pid()"));
    }

    /** The locks of the session of this database that holds {@code key}, that one too; none if no session does. */
    static Set<Long> heldBeside(DSLContext dsl, long key) {
        Set<Long> held = new HashSet<>();
        dsl.select(DSL.field("held.classid::bigint", Long.class), DSL.field("held.objid::bigint", Long.class))
                .from(PG_LOCKS.as("holding")).join(PG_LOCKS.as("held")).on("held.pid = holding.pid")
                .where(granted("holding", key))
                .and("holding.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())")
                .and(GRANTED.formatted("held"))
                .forEach(lock -> held.add(lock.value1() << Integer.SIZE | lock.value2()));
        return held;
    }

    /** A granted advisory lock on {@code key} in {@code pg_locks} as {@code alias}. */
    private static Condition granted(String alias, long key) {
        // pg_locks shows a bigint advisory key as two unsigned halves, with objsubid 1.
        return DSL.condition(GRANTED.formatted(alias) + " AND " + alias + ".classid::bigint = {0} AND " + alias
                + ".objid::bigint = {1}", DSL.val(key >>> Integer.SIZE), DSL.val(key & 0xFFFF_FFFFL));
    }

    static void unlock(DSLContext dsl, long key) {
        dsl.select(DSL.function("pg_advisory_unlock", SQLDataType.BOOLEAN, DSL.val(key))).fetch();
    }
}
