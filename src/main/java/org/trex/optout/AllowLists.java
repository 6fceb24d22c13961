package org.trex.optout;

import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.select;
import static org.trex.source.jooq.opt_out.Tables.NATIONAL_DATA_ALLOW_LIST;
import static org.trex.source.jooq.opt_out.Tables.NATIONAL_DATA_OPT_OUT_CHECK;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableField;
import org.postgresql.PGConnection;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.source.SqlText;

/**
 * Loads the allow lists NHS England's Check for National Data Opt-outs service returns, and finds the numbers to
 * send it. The numbers go into PostgreSQL and stay there: runs read them only inside their own SELECT.
 */
public final class AllowLists {
    private AllowLists() {
    }

    /** What a load stored: the list date and the counts, for the audit log (never the numbers). */
    public record Loaded(LocalDate listDate, int numbersReturned, Optional<Integer> numbersSent,
            Optional<String> requestSha256, String responseSha256, int replacedNumbers) {
        public Loaded {
            requireNonNull(listDate, "listDate is null");
            requireNonNull(numbersSent, "numbersSent is null");
            requireNonNull(requestSha256, "requestSha256 is null");
            requireNonNull(responseSha256, "responseSha256 is null");
        }
    }

    /**
     * Stores {@code response} as the allow list of {@code listDate}, with what was sent when the request is given,
     * replacing any list of that date, in one transaction: a failed load leaves the previous list as it was.
     */
    public static Loaded load(DatabaseUrl url, LocalDate listDate, NationalCheckFile response,
            Optional<NationalCheckFile> request, Clock clock) {
        requireNonNull(url, "url is null");
        requireNonNull(listDate, "listDate is null");
        requireNonNull(response, "response is null");
        requireNonNull(request, "request is null");
        requireNonNull(clock, "clock is null");
        try (Connection connection = url.connect()) {
            connection.setAutoCommit(false);
            try {
                DSLContext db = SqlText.on(connection);
                int replaced = db.deleteFrom(NATIONAL_DATA_ALLOW_LIST)
                        .where(NATIONAL_DATA_ALLOW_LIST.LIST_DATE.eq(listDate)).execute();
                var check = NATIONAL_DATA_OPT_OUT_CHECK;
                db.insertInto(check)
                        .set(check.LIST_DATE, listDate)
                        .set(check.NUMBERS_SENT, request.map(NationalCheckFile::count).orElse(null))
                        .set(check.REQUEST_SHA256, request.map(NationalCheckFile::sha256).orElse(null))
                        .set(check.NUMBERS_RETURNED, response.count())
                        .set(check.LOADED_AT, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                        .onConflict(check.LIST_DATE).doUpdate()
                        .set(check.NUMBERS_SENT, request.map(NationalCheckFile::count).orElse(null))
                        .set(check.REQUEST_SHA256, request.map(NationalCheckFile::sha256).orElse(null))
                        .set(check.NUMBERS_RETURNED, response.count())
                        .set(check.LOADED_AT, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                        .execute();
                copy(connection, listDate, response);
                connection.commit();
                return new Loaded(listDate, response.count(), request.map(NationalCheckFile::count),
                        request.map(NationalCheckFile::sha256), response.sha256(), replaced);
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot load the national data opt-out allow list of " + listDate + " into "
                    + url.redacted() + ": " + DatabaseUrl.safeMessage(e), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot load the national data opt-out allow list of " + listDate
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * What {@code trex optouts load} does: reads the response (and the request, when given), checking every line,
     * then stores it as the allow list of {@code listDate}.
     */
    public static Loaded loadFile(DatabaseUrl url, LocalDate listDate, Path response, Optional<Path> request,
            Clock clock) {
        requireNonNull(response, "response is null");
        requireNonNull(request, "request is null");
        Optional<NationalCheckFile> sent = request.map(r -> NationalCheckFile.read(r, Optional.empty()));
        return load(url, listDate, NationalCheckFile.read(response, sent), sent, clock);
    }

    /** COPY has no jOOQ model; the names come from the generated classes, so a schema change breaks the build. */
    private static void copy(Connection connection, LocalDate listDate, NationalCheckFile response)
            throws SQLException, IOException {
        DSLContext render = SqlText.on(connection);
        String statement = "COPY " + render.render(NATIONAL_DATA_ALLOW_LIST) + " ("
                + render.render(NATIONAL_DATA_ALLOW_LIST.LIST_DATE.getUnqualifiedName()) + ", "
                + render.render(NATIONAL_DATA_ALLOW_LIST.NHS_NUMBER.getUnqualifiedName()) + ") FROM STDIN";
        StringBuilder rows = new StringBuilder(response.count() * 22);
        String date = listDate.toString();
        response.numbers().forEach(number -> rows.append(date).append('\t').append(number).append('\n'));
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement, new StringReader(rows.toString()));
    }

    /** Every raw NHS number value in the source tables the catalog reads, each value once (not yet normalised). */
    public static Select<Record1<String>> everySourceNumber(SourceCatalog catalog) {
        requireNonNull(catalog, "catalog is null");
        Set<TableField<?, String>> columns = new LinkedHashSet<>();
        catalog.datasets().forEach(d -> columns.add(catalog.source(d.name()).nhsNumber()));
        List<Select<Record1<String>>> selects = new ArrayList<>();
        for (TableField<?, String> column : columns) {
            Table<?> table = column.getTable();
            selects.add(select(column.as(AllowListQueries.NHS_NUMBER)).from(table).where(column.isNotNull()));
        }
        Select<Record1<String>> union = selects.get(0);
        for (Select<Record1<String>> next : selects.subList(1, selects.size())) {
            union = union.union(next);
        }
        return union;
    }

    /** Runs jOOQ-rendered SQL and returns the raw NHS numbers in its column {@code column}. */
    public static List<String> rawNumbers(DatabaseUrl url, String sql, String column) {
        requireNonNull(url, "url is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(column, "column is null");
        try (Connection connection = url.connect()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            List<String> values = new ArrayList<>();
            try (var statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (var rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        values.add(rows.getString(column));
                    }
                }
            }
            return values;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the NHS numbers to send from " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }
}
