package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.RUN_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.RUN_PERIOD_KEY;
import static org.trex.governance.GovernanceTables.RUN_STATUS;
import static org.trex.governance.GovernanceTables.SCHEDULED_RUN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.trex.source.DatabaseUrl;

/** Which scheduled extracts are due: those whose period for the as-of date has no successful run. */
public final class Schedules {
    private final DatabaseUrl url;

    public Schedules(DatabaseUrl url) {
        this.url = requireNonNull(url, "url is null");
    }

    /** The due runs among {@code approved}, in the order given. */
    public List<DueRun> dueRuns(List<ScheduledExtract> approved, LocalDate asOf) {
        requireNonNull(approved, "approved is null");
        requireNonNull(asOf, "asOf is null");
        requireDistinct(approved);
        return GovernanceDatabase.transaction(url, "find due scheduled runs", dsl -> {
            List<DueRun> due = new ArrayList<>();
            for (ScheduledExtract extract : approved) {
                Optional<RunPeriod> period = extract.schedule().periodFor(asOf);
                if (period.isPresent() && !succeeded(dsl, extract.extractId(), period.get())) {
                    due.add(new DueRun(extract, period.get()));
                }
            }
            return List.copyOf(due);
        });
    }

    static boolean succeeded(DSLContext dsl, String extractId, RunPeriod period) {
        return dsl.fetchExists(SCHEDULED_RUN, RUN_EXTRACT_ID.eq(extractId)
                .and(RUN_PERIOD_KEY.eq(period.key()))
                .and(RUN_STATUS.eq(ScheduledRunStatus.SUCCEEDED.name())));
    }

    private static void requireDistinct(List<ScheduledExtract> extracts) {
        Set<String> seen = new HashSet<>();
        for (ScheduledExtract extract : extracts) {
            if (!seen.add(extract.extractId())) {
                throw new IllegalArgumentException("Cannot schedule extract " + extract.extractId()
                        + ": it is listed twice");
            }
        }
    }
}
