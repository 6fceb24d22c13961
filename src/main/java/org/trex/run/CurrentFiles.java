package org.trex.run;

import static org.trex.source.jooq.opt_out.Tables.LOCAL_OBJECTION;
import static org.trex.source.jooq.source_load.Tables.CURRENT_FILE;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jooq.Table;
import org.trex.governance.RecordedLoad;
import org.trex.governance.SourceLoads;
import org.trex.lineage.CouncilCodeCheck;
import org.trex.lineage.SourceLoad;
import org.trex.load.CouncilCode;
import org.trex.load.SourceKind;
import org.trex.optout.ExclusionReason;
import org.trex.plan.ExtractPlan;
import org.trex.plan.OutputPlan;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.SqlText;

/** The files {@code trex load} loaded into the sources a plan reads, as the source database holds them now. */
public final class CurrentFiles {
    private CurrentFiles() {
    }

    /** Each loaded file behind a table the plan reads (none for data {@code trex generate} wrote). */
    static List<SourceLoad> of(DatabaseUrl url, ExtractPlan plan) {
        Set<String> tables = tablesRead(plan);
        List<String> sources = Arrays.stream(SourceKind.values())
                .filter(kind -> kind.tables().stream().map(CurrentFiles::qualified).anyMatch(tables::contains))
                .map(SourceKind::cliName).toList();
        try (Connection connection = url.connect()) {
            return SqlText.on(connection)
                    .select(CURRENT_FILE.SOURCE, CURRENT_FILE.PERIOD, CURRENT_FILE.FILE_NAME, CURRENT_FILE.FILE_SHA256,
                            CURRENT_FILE.ROWS_LOADED, CURRENT_FILE.LOADED_AT)
                    .from(CURRENT_FILE).where(CURRENT_FILE.SOURCE.in(sources))
                    .orderBy(CURRENT_FILE.SOURCE, CURRENT_FILE.PERIOD, CURRENT_FILE.FILE_NAME)
                    .fetch(r -> new SourceLoad(r.value1(), r.value2(), r.value3(), r.value4(),
                            OptionalLong.of(r.value5()), r.value6().toInstant()));
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read which files were loaded into " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }

    /**
     * {@code loads}, each social care file with whether its load held the rows to the council's own LA code, as the
     * governance records say; refuses loaded files they do not hold. With the governance tables in a database of
     * their own, a load commits its rows, then its record: a crash or a failure between the two commits leaves rows no
     * record accounts for, which a run must not release under a lineage {@code trex verify} would then fail.
     */
    static List<SourceLoad> recorded(List<SourceLoad> loads, DatabaseUrl governance, String extractId) {
        List<RecordedLoad> records = records(loads, governance);
        List<SourceLoad> recorded = new ArrayList<>();
        for (SourceLoad load : loads) {
            RecordedLoad record = recordOf(load, records).orElseThrow(() -> new DatabaseException("Cannot run extract "
                    + extractId + ": the source's " + load.source() + " period " + load.period() + " was loaded from "
                    + load.fileName() + " (SHA-256 " + load.sha256() + "), but the governance records hold no such"
                    + " load (its rows committed and its record did not); load the file again with trex load, which"
                    + " records it"));
            recorded.add(load.source().equals(SourceKind.SOCIAL_CARE.cliName())
                    ? load.withCouncil(new CouncilCodeCheck(record.council().map(CouncilCode::value))) : load);
        }
        return List.copyOf(recorded);
    }

    /**
     * The loads among {@code loads} that the governance records hold no load of, into the same source and period and,
     * where a load says whose LA code its rows were held to (as an extract's lineage does), held to the same.
     */
    public static List<SourceLoad> unrecorded(List<SourceLoad> loads, DatabaseUrl governance) {
        List<RecordedLoad> records = records(loads, governance);
        return loads.stream().filter(load -> recordOf(load, records).isEmpty()).toList();
    }

    private static List<RecordedLoad> records(List<SourceLoad> loads, DatabaseUrl governance) {
        if (loads.isEmpty()) {
            return List.of();
        }
        return new SourceLoads(governance, Clock.systemUTC())
                .withFiles(loads.stream().map(SourceLoad::sha256).distinct().toList());
    }

    /**
     * The latest record (they come oldest first) of a load of {@code load}'s file into its source and period, and held
     * to the council's LA code {@code load} says, where it says: a file loaded into its period again holds the rows its
     * last load wrote, held to what that load held them to.
     */
    private static Optional<RecordedLoad> recordOf(SourceLoad load, List<RecordedLoad> records) {
        return records.stream().filter(record -> record.loaded(load.source(), load.period(), load.sha256()))
                .filter(record -> load.council().map(check -> check.heldTo()
                        .equals(record.council().map(CouncilCode::value))).orElse(true))
                .reduce((earlier, later) -> later);
    }

    /** Tables the outputs read, and the objection register when local objections are left out. */
    private static Set<String> tablesRead(ExtractPlan plan) {
        Set<String> tables = new LinkedHashSet<>();
        for (OutputPlan output : plan.outputs()) {
            tables.addAll(output.sourceTables());
            output.columns().forEach(column -> column.sourceColumns()
                    .forEach(c -> tables.add(c.substring(0, c.lastIndexOf('.')))));
        }
        if (plan.exclusions().reasons().contains(ExclusionReason.LOCAL_OBJECTION)) {
            tables.add(qualified(LOCAL_OBJECTION));
        }
        return tables;
    }

    private static String qualified(Table<?> table) {
        return table.getSchema().getName() + "." + table.getName();
    }
}
