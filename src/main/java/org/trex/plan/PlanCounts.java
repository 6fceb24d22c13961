package org.trex.plan;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trex.nhs.NhsNumber;
import org.trex.optout.CouncilRecordObjection;
import org.trex.optout.ExclusionReason;
import org.trex.optout.ExclusionRules;
import org.trex.optout.NationalList;
import org.trex.optout.OptOutLoader;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.TableStatistics;

/**
 * How many index events and people a plan concerns, and how many of each would be left out for each
 * reason, counted on the live source with the same rules the run applies; the national allow list a run as of the
 * plan's date would use and, for a scheduled spec, the one its next scheduled run would use.
 *
 * @param people the people with a valid NHS number, each once: people are told apart by it, and a missing or invalid
 *     one (a placeholder such as 0000000000 that many share, a mistyped one) tells no one apart
 * @param eventsWithoutValidNumber the index events whose NHS number is missing or invalid, counted as events alone
 */
public record PlanCounts(long events, long people, long eventsWithoutValidNumber,
        Map<ExclusionReason, long[]> leftOut, NationalList nationalList, Optional<NationalList> scheduledRunList,
        List<String> neverAnalysed) {
    public PlanCounts {
        requireNonNull(leftOut, "leftOut is null");
        requireNonNull(nationalList, "nationalList is null");
        requireNonNull(scheduledRunList, "scheduledRunList is null");
        neverAnalysed = List.copyOf(requireNonNull(neverAnalysed, "neverAnalysed is null"));
        leftOut = Map.copyOf(leftOut);
    }

    /**
     * Counts the plan's cohort on the database. {@code scheduledRun} is the as-of date of the spec's next scheduled
     * run (empty for a spec without a schedule): the allow list is looked up for it too.
     */
    public static PlanCounts count(ExtractPlan plan, DatabaseUrl url, Optional<LocalDate> scheduledRun) {
        requireNonNull(scheduledRun, "scheduledRun is null");
        ExclusionRules rules = OptOutLoader.load(url, plan.exclusions());
        NationalList nationalList = NationalList.on(url, plan.policy(), plan.asOf(), plan.optOutsOn());
        Optional<NationalList> scheduledRunList = scheduledRun.map(date -> NationalList.on(url, plan.policy(), date,
                date));
        long events = 0;
        long withoutValidNumber = 0;
        Set<String> people = new HashSet<>();
        Map<ExclusionReason, long[]> leftOut = new EnumMap<>(ExclusionReason.class);
        Map<ExclusionReason, Set<String>> peopleLeftOut = new HashMap<>();
        try (Connection connection = url.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rows = statement.executeQuery(plan.cohortSql())) {
                    while (rows.next()) {
                        events++;
                        String raw = rows.getString(2);
                        Optional<NhsNumber> number = NhsNumber.tryParse(raw);
                        if (number.isPresent()) {
                            people.add(number.get().digits());
                        } else {
                            withoutValidNumber++;
                        }
                        ExclusionReason reason = rules.classify(raw, rows.getBoolean(3),
                                CouncilRecordObjection.of(rows.getBoolean(4)));
                        if (reason != null) {
                            leftOut.computeIfAbsent(reason, r -> new long[2])[0]++;
                            // An objection against a council record leaves its rows out whatever their number, but
                            // only a valid number is a person to count.
                            number.ifPresent(n -> peopleLeftOut.computeIfAbsent(reason, r -> new HashSet<>())
                                    .add(n.digits()));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot count the cohort of " + plan.spec().id() + " in " + url.redacted()
                    + ": " + DatabaseUrl.safeMessage(e), e);
        }
        peopleLeftOut.forEach((reason, set) -> leftOut.get(reason)[1] = set.size());
        return new PlanCounts(events, people.size(), withoutValidNumber, leftOut, nationalList, scheduledRunList,
                TableStatistics.neverAnalysed(url, plan.sourceTables()));
    }

    /** Rows and people left out for a reason: {rows, people}. */
    public long[] leftOut(ExclusionReason reason) {
        long[] counts = leftOut.get(reason);
        return counts == null ? new long[2] : counts.clone();
    }
}
