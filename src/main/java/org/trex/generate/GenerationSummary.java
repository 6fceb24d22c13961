package org.trex.generate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a generation loaded: rows per table, the national check it went through, and how long it took. */
public record GenerationSummary(int people, long seed, List<TableLoad> tables, NationalCheck nationalCheck,
        Duration elapsed) {
    public GenerationSummary {
        requireNonNull(tables, "tables is null");
        requireNonNull(nationalCheck, "nationalCheck is null");
        requireNonNull(elapsed, "elapsed is null");
        tables = List.copyOf(tables);
    }

    /** Rows loaded into a table. */
    public long rows(SourceTable table) {
        return tables.stream().filter(t -> t.table() == table).mapToLong(TableLoad::rows).sum();
    }

    /** Rows loaded into all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableLoad::rows).sum();
    }

    /** Aligned lines: one per table with rows and seconds since its pass began, then the total, then the check. */
    public List<String> lines() {
        int width = tables.stream().mapToInt(t -> t.table().qualifiedName().length()).max().orElse(10);
        List<String> lines = new ArrayList<>();
        for (TableLoad load : tables) {
            lines.add(String.format("%-" + width + "s %,12d rows %8.1f s", load.table().qualifiedName(), load.rows(),
                    load.elapsed().toMillis() / 1000.0));
        }
        lines.add(String.format("%-" + width + "s %,12d rows %8.1f s",
                "total (" + people + " people, seed " + seed + ")", totalRows(), elapsed.toMillis() / 1000.0));
        lines.add(nationalCheck.line());
        return lines;
    }
}
