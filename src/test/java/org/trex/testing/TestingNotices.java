package org.trex.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.trex.governance.DeletionNotice;
import org.trex.governance.NoticedPerson;
import org.trex.governance.Release;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;
import org.trex.spec.Applicability;

/** Open deletion notices, issued on {@link #ISSUED_ON} to one person, for tests of what a notice says. */
public final class TestingNotices {
    /** The day the notices are issued, as of which objections are in force; they are due 30 days later. */
    public static final LocalDate ISSUED_ON = LocalDate.of(2026, 7, 6);

    private TestingNotices() {
    }

    /**
     * Notice {@code id} to run {@code run} of {@code extract}, released with {@code outputs}, of one person (pseudonym
     * {@code pseudonym}) whom the register holds in {@code holding}, with one row there.
     */
    public static DeletionNotice open(String id, String extract, String run, List<ReleasedOutput> outputs,
            ReleasedOutput holding, String pseudonym) {
        Release release = new Release(extract, run, 1, "discharge-evaluation", "0123456789abcdef",
                Path.of("keys/discharge.key"), LocalDate.of(2026, 6, 30), Applicability.APPLIES, 30,
                Path.of("out/" + extract + "/run"), outputs);
        NoticedPerson person = new NoticedPerson(pseudonym, "local objection", List.of(
                new ReleaseRegister.Holding(pseudonym, holding.name(), holding.kind(), 1)));
        return new DeletionNotice(id, new ReleaseRegister.Registered(1, Instant.parse("2026-07-01T06:00:00Z"),
                release), ISSUED_ON.atTime(9, 0).toInstant(ZoneOffset.UTC), ISSUED_ON,
                ISSUED_ON.plusDays(30), Optional.empty(), Optional.empty(), List.of(), List.of(person));
    }
}
