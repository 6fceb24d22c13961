package org.trex.generate;

import static java.util.Objects.requireNonNull;
import static org.trex.source.jooq.opt_out.Tables.NATIONAL_DATA_OPT_OUT_CHECK;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.jooq.Index;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;

/**
 * Generates a synthetic, linked source database: council social care records, hospital spells, GP
 * registrations and opt-out registers, with the edge cases of real data at the rates below.
 *
 * <p>Rates are shares of council person records unless said otherwise. All NHS numbers are in the 999 test
 * range, and all are valid except the {@link #BAD_CHECK_DIGIT_RATE} share of council records and the
 * {@link #HOSPITAL_BAD_CHECK_DIGIT_RATE} share of hospital patients, whose check digit is wrong.
 * Rows are streamed to PostgreSQL with COPY, one connection per table, in two passes: the tables without a
 * foreign key to {@code social_care.person} together with it, then those that refer to it.
 */
public final class SyntheticData {
    /** Share of the population with a council social care record. */
    public static final double COUNCIL_SHARE = 0.30;
    /** Share of council people with hospital activity in 2022-01-01..2026-06-30. */
    public static final double COUNCIL_HOSPITAL_SHARE = 0.55;
    /**
     * Share of the rest of the population that has hospital activity; the others appear in no table and use no
     * NHS number, which is what lets {@link #MAX_PEOPLE} exceed the 999 range's 909,090 valid numbers.
     */
    public static final double NON_COUNCIL_HOSPITAL_SHARE = 0.40;
    /** Council records with no NHS number (trace not done, no match or several matches). */
    public static final double MISSING_NUMBER_RATE = 0.05;
    /** Council records whose number has a wrong check digit (recorded, never verified). */
    public static final double BAD_CHECK_DIGIT_RATE = 0.005;
    /** Council records holding an old number the trace found superseded. */
    public static final double SUPERSEDED_RATE = 0.01;
    /** Council records with a valid number recorded locally but not verified by a trace. */
    public static final double UNVERIFIED_RATE = 0.08;
    /** Council records with a number that have a second council record with the same number. */
    public static final double DUPLICATE_RECORD_RATE = 0.01;
    /** Council numbers stored in 3 3 4 groups with spaces. */
    public static final double SPACED_NUMBER_RATE = 0.08;
    /** Council numbers stored in 3 3 4 groups with dashes. */
    public static final double DASHED_NUMBER_RATE = 0.02;
    /**
     * Hospital patients whose spells carry no NHS number: overseas visitors, unidentified patients. Every
     * spell of such a patient lacks it, as a hospital system records the patient once.
     */
    public static final double HOSPITAL_MISSING_NUMBER_RATE = 0.02;
    /** Hospital patients whose spells carry their number with a mistyped check digit (still 999-prefixed). */
    public static final double HOSPITAL_BAD_CHECK_DIGIT_RATE = 0.003;
    /** Hospital patients whose spells carry their number in 3 3 4 groups with spaces. */
    public static final double HOSPITAL_SPACED_NUMBER_RATE = 0.04;
    /** Council people with a local objection (at most one each). */
    public static final double LOCAL_OBJECTION_RATE = 0.03;
    /** Local objections later withdrawn (when the withdrawal falls before the extract date). */
    public static final double LOCAL_OBJECTION_WITHDRAWN_RATE = 0.20;
    /** People in any table who set a national data opt-out: the synthetic allow list leaves their numbers out. */
    public static final double NATIONAL_OPT_OUT_RATE = 0.05;
    /** The date of the synthetic national data opt-out check (the data run to 2026-06-30). */
    public static final LocalDate NATIONAL_LIST_DATE = LocalDate.of(2026, 6, 1);
    /**
     * The as-of date the data is made for: its events run to mid-2026, and the date sits at their end, 29 days
     * after {@link #NATIONAL_LIST_DATE}, so the allow list is current and an extract holds rows.
     */
    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    /** People in any table with a Type 1 dissent code at their GP practice. */
    public static final double TYPE1_OPT_OUT_RATE = 0.03;
    /** Type 1 dissents later reversed by a dissent-withdrawn code. */
    public static final double TYPE1_WITHDRAWN_RATE = 0.15;
    /**
     * Live discharges from 2023-04-01 after a stay of a night or more that happen on the discharge ready day;
     * the rest are delayed, a tail past 21 days. Same-day stays are never delayed.
     */
    public static final double DISCHARGED_ON_READY_DAY_RATE = 0.85;
    /** Of discharges on the ready day, those whose ready date is left blank because the patient left that day. */
    public static final double READY_DATE_BLANK_RATE = 0.35;
    /** Live discharges of council people 65+ followed by reablement (ST-Max, from 5 days before to 14 after). */
    public static final double REABLEMENT_AFTER_DISCHARGE_RATE = 0.14;
    /** Share of reablement after discharge followed by a second reablement event. */
    public static final double REPEATED_REABLEMENT_RATE = 0.3;
    /** Live discharges of council people 65+ followed by new long-term residential or nursing care. */
    public static final double CARE_HOME_AFTER_DISCHARGE_RATE = 0.05;
    /** The largest population accepted: about 58% of it needs an NHS number from the 999 range. */
    public static final int MAX_PEOPLE = 1_400_000;

    private SyntheticData() {
    }

    /**
     * As {@link #generate(DatabaseUrl, int, long, Path)}, keeping the national check's files only until they are
     * loaded.
     */
    public static GenerationSummary generate(DatabaseUrl url, int people, long seed) {
        return generate(url, people, seed, Optional.empty());
    }

    /** As {@link #generate(DatabaseUrl, int, long)}, with trace failures made more common in one group when given. */
    public static GenerationSummary generate(DatabaseUrl url, int people, long seed, Optional<TraceFailureBias> bias) {
        Path files = null;
        try {
            files = Files.createTempDirectory("trex-national-check");
            return generate(url, people, seed, files, bias);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the national check files: " + e.getMessage(), e);
        } finally {
            deleteQuietly(files);
        }
    }

    /**
     * Migrates an empty database, fills it for {@code people} individuals, then goes through the national data
     * opt-out check as a council would: writes the request file it would send (every valid number in the source)
     * into {@code checkFiles}, a synthetic response beside it (the numbers of people who opted out removed), and
     * loads that response as {@code trex optouts load} does, as the list of {@link #NATIONAL_LIST_DATE}.
     */
    public static GenerationSummary generate(DatabaseUrl url, int people, long seed, Path checkFiles) {
        return generate(url, people, seed, checkFiles, Optional.empty());
    }

    /** As {@link #generate(DatabaseUrl, int, long, Path)}, with trace failures made more common in one group. */
    public static GenerationSummary generate(DatabaseUrl url, int people, long seed, Path checkFiles,
            Optional<TraceFailureBias> bias) {
        requireNonNull(url, "url is null");
        requireNonNull(bias, "bias is null");
        requireNonNull(checkFiles, "checkFiles is null");
        if (people < 1 || people > MAX_PEOPLE) {
            throw new IllegalArgumentException("Cannot generate " + people + " people: give 1 to " + MAX_PEOPLE);
        }
        long started = System.nanoTime();
        SourceSchema.migrate(url);
        refuseIfNotEmpty(url);
        Population population = new Population(people, seed, bias);
        List<TableLoad> loads = new ArrayList<>();
        ExecutorService executor = Executors.newCachedThreadPool();
        Set<String> optedOut = new HashSet<>();
        try {
            List<Index> deferred = dropSecondaryIndexes(url);
            try (Loading first = open(url, SourceTable.FIRST_PASS)) {
                population.pass(first.writers(), Optional.of(optedOut::add));
                Map<SourceTable, CompletableFuture<TableLoad>> firstLoads = first.finish(executor);
                // the second pass refers to persons only, so it need not wait for the health tables
                loads.add(await(firstLoads.get(SourceTable.PERSON_TABLE)));
                try (Loading second = open(url, SourceTable.SECOND_PASS)) {
                    population.pass(second.writers(), Optional.empty());
                    second.finish(executor).values().forEach(load -> loads.add(await(load)));
                }
                firstLoads.forEach((table, load) -> {
                    if (table != SourceTable.PERSON_TABLE) {
                        loads.add(await(load));
                    }
                });
            }
            createIndexes(url, deferred);
            analyse(url);
        } finally {
            executor.shutdownNow();
        }
        loads.sort(java.util.Comparator.comparing(TableLoad::table));
        NationalCheck check = NationalCheck.roundTrip(url, checkFiles, NATIONAL_LIST_DATE, optedOut);
        return new GenerationSummary(people, seed, loads, check, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Building an index once from sorted data costs far less than growing it row by row, so the secondary
     * indexes go before the load and come back, as the generated jOOQ classes define them, after it.
     * Primary keys stay: the foreign keys need them.
     */
    private static List<Index> dropSecondaryIndexes(DatabaseUrl url) {
        List<Index> indexes = new ArrayList<>();
        withDatabase(url, "drop indexes before loading", db -> {
            for (SourceTable table : SourceTable.values()) {
                // jOOQ renders index names without their schema, so the schema is chosen first
                db.setSchema(table.table().getSchema()).execute();
                for (Index index : table.table().getIndexes()) {
                    db.dropIndex(index.getUnqualifiedName()).execute();
                    indexes.add(index);
                }
            }
        });
        return indexes;
    }

    private static void createIndexes(DatabaseUrl url, List<Index> indexes) {
        withDatabase(url, "create indexes after loading", db -> {
            for (Index index : indexes) {
                db.createIndex(index.getUnqualifiedName()).on(index.getTable(), index.getFields()).execute();
            }
        });
    }

    /**
     * Fresh statistics before anyone plans a query on the new rows: a run started straight after generating
     * 1.4M people was planned before autovacuum had analysed the event table and ran for 23 minutes, not 38 s.
     */
    private static void analyse(DatabaseUrl url) {
        withDatabase(url, "analyse the generated tables", db -> {
            for (SourceTable table : SourceTable.values()) {
                db.query("ANALYZE {0}", table.table()).execute();
            }
        });
    }

    private static void withDatabase(DatabaseUrl url, String what, java.util.function.Consumer<DSLContext> work) {
        try (Connection connection = url.connect()) {
            work.accept(DSL.using(connection, SQLDialect.POSTGRES));
        } catch (SQLException e) {
            throw new DatabaseException("Cannot " + what + " in " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }

    private static void refuseIfNotEmpty(DatabaseUrl url) {
        withDatabase(url, "check database", db -> {
            List<org.jooq.Table<?>> tables = new ArrayList<>(List.of(NATIONAL_DATA_OPT_OUT_CHECK));
            Arrays.stream(SourceTable.values()).forEach(t -> tables.add(t.table()));
            for (org.jooq.Table<?> table : tables) {
                if (db.fetchExists(table)) {
                    throw new DatabaseException("Cannot generate synthetic data in " + url.redacted() + ": "
                            + table.getSchema().getName() + "." + table.getName()
                            + " already holds rows; use an empty database");
                }
            }
        });
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder of synthetic numbers only
        }
    }

    private static Loading open(DatabaseUrl url, List<SourceTable> tables) {
        Loading loading = new Loading(url);
        try {
            for (SourceTable table : tables) {
                loading.open(table);
            }
            return loading;
        } catch (RuntimeException e) {
            loading.close();
            throw e;
        }
    }

    /**
     * One pass's COPY streams, one connection each. PostgreSQL checks foreign keys when a COPY ends, so the
     * streams are ended on their own threads: the servers then check them side by side, not one after another.
     */
    private static final class Loading implements AutoCloseable {
        private final DatabaseUrl url;
        private final long started = System.nanoTime();
        private final Map<SourceTable, Connection> connections = new EnumMap<>(SourceTable.class);
        private final Map<SourceTable, CopyWriter> writers = new EnumMap<>(SourceTable.class);

        Loading(DatabaseUrl url) {
            this.url = url;
        }

        void open(SourceTable table) {
            Connection connection = url.connect();
            connections.put(table, connection);
            try {
                writers.put(table, new CopyWriter(connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(table.copyStatement())));
            } catch (SQLException e) {
                throw failure(table, e);
            }
        }

        Map<SourceTable, CopyWriter> writers() {
            return writers;
        }

        Map<SourceTable, CompletableFuture<TableLoad>> finish(ExecutorService executor) {
            Map<SourceTable, CompletableFuture<TableLoad>> loads = new EnumMap<>(SourceTable.class);
            writers.forEach((table, writer) -> loads.put(table, CompletableFuture.supplyAsync(
                    () -> new TableLoad(table, writer.finish(), Duration.ofNanos(System.nanoTime() - started)),
                    executor)));
            return loads;
        }

        private DatabaseException failure(SourceTable table, SQLException e) {
            return new DatabaseException("Cannot load " + table.qualifiedName() + " in " + url.redacted() + ": "
                    + CopyWriter.firstLine(e), e);
        }

        @Override
        public void close() {
            writers.values().forEach(CopyWriter::cancel);
            connections.values().forEach(SyntheticData::closeQuietly);
        }
    }

    /** Waits for a load; a failure is rethrown as the exception the loading thread raised. */
    private static TableLoad await(CompletableFuture<TableLoad> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the load's own outcome has been decided already
        }
    }
}
